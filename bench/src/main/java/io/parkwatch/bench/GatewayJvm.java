package io.parkwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

import io.parkwatch.infra.process.ChildJvm;

/**
 * {@code parkwatch ingest} in a JVM of its own ({@link ChildJvm}), so that it can be killed with SIGKILL
 * (no shutdown hook, no MQTT DISCONNECT, no flush, connections reset) and started again.
 */
public final class GatewayJvm {

    private static final String RUNNING = "parkwatch gateway running";

    private final ChildJvm jvm;

    private GatewayJvm(ChildJvm jvm) {
        this.jvm = jvm;
    }

    /**
     * Starts {@code parkwatch ingest ingestArgs…} with {@code jvmOptions} and {@code environment},
     * and returns once it prints that it is running (subscribed, listeners up).
     */
    public static GatewayJvm start(List<String> jvmOptions, List<String> ingestArgs, Map<String, String> environment,
                                   Path log, Duration patience) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("ingest"));
        args.addAll(ingestArgs);
        return new GatewayJvm(ChildJvm.start("gateway", jvmOptions, "io.parkwatch.cli.Main", args, environment, log,
            RUNNING, patience));
    }

    public long pid() {
        return jvm.pid();
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() throws InterruptedException {
        jvm.kill();
    }

    /** SIGKILL when cleaning up after a failure, which is already being reported. */
    public void killQuietly() {
        jvm.killQuietly();
    }

    /** A clean stop (SIGTERM), SIGKILL if it has not ended within 30 s. */
    public void stop() throws InterruptedException {
        jvm.stop();
    }
}
