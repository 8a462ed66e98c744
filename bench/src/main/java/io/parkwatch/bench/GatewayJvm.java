package io.parkwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code parkwatch ingest} in a JVM of its own, from this JVM's classpath, so that it can be
 * killed with SIGKILL (no shutdown hook, no MQTT DISCONNECT, no flush, connections reset) and
 * started again. Its output is appended to a log file.
 */
public final class GatewayJvm {

    private static final String RUNNING = "parkwatch gateway running";
    private static final Duration KILL_PATIENCE = Duration.ofSeconds(30);

    private final Process process;
    private final CountDownLatch running = new CountDownLatch(1);

    private GatewayJvm(Process process, Path log) {
        this.process = process;
        Thread pump = new Thread(() -> pump(log), "gateway-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code parkwatch ingest ingestArgs…} with {@code jvmOptions} and {@code environment},
     * and returns once it prints that it is running (subscribed, listeners up).
     */
    public static GatewayJvm start(List<String> jvmOptions, List<String> ingestArgs, Map<String, String> environment,
                                   Path log, Duration patience) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.parkwatch.cli.Main", "ingest"));
        command.addAll(ingestArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        GatewayJvm gateway = new GatewayJvm(builder.start(), log);
        if (!gateway.running.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            gateway.kill();
            throw new IllegalStateException("the gateway was not running within " + patience.toSeconds() + " s; see "
                + log);
        }
        return gateway;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(KILL_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** SIGKILL when cleaning up after a failure, which is already being reported. */
    public void killQuietly() {
        process.destroyForcibly();
    }

    /** A clean stop (SIGTERM), SIGKILL if it has not ended within 30 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(KILL_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void pump(Path log) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                 StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            out.println("=== gateway pid " + process.pid());
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(line);
                if (line.startsWith(RUNNING)) {
                    out.flush();
                    running.countDown();
                }
            }
        } catch (IOException e) {
            // The process was killed mid-line; its log ends there.
        }
    }
}
