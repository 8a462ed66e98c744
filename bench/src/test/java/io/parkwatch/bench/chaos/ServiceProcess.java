package io.parkwatch.bench.chaos;

import io.parkwatch.infra.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One parkwatch service ({@code ingest}, {@code streams}, {@code sink}, {@code console}) as a process of its
 * own, started from the test classpath, that the chaos run kills with SIGKILL and starts again with the
 * same arguments. Its {@code /health/ready} is on {@code healthPort}.
 */
final class ServiceProcess {

    /** The services' heaps: seven of them share a small machine with the brokers. */
    private static final List<String> JVM = List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private final String name;
    private final List<String> args;
    private final String readyPrefix;
    private final int healthPort;
    private final Map<String, String> environment;
    private final Path log;
    private ChildJvm jvm;

    /** @param logs the run's log directory: the process's output goes to {@code <name>.log} there */
    ServiceProcess(String name, List<String> args, String readyPrefix, int healthPort, Map<String, String> environment,
                   Path logs) {
        this.name = name;
        this.args = List.copyOf(args);
        this.readyPrefix = readyPrefix;
        this.healthPort = healthPort;
        this.environment = Map.copyOf(environment);
        this.log = logs.resolve(name + ".log");
    }

    String name() {
        return name;
    }

    String readyUrl() {
        return "http://127.0.0.1:" + healthPort + "/health/ready";
    }

    /** Starts the process and returns once it printed its ready line. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(args);
        jvm = ChildJvm.start(name, JVM, "io.parkwatch.cli.Main", command, environment, log, readyPrefix, PATIENCE);
    }

    /** SIGKILL: no shutdown hook, no commit, no leave-group; connections reset. */
    void kill() throws InterruptedException {
        jvm.kill();
    }

    void stopQuietly() {
        if (jvm != null) {
            jvm.killQuietly();
        }
    }
}
