package io.parkwatch.bench.crash;

import io.parkwatch.bench.BenchLoad;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code parkwatch ingest} in a JVM of its own, started from the test classpath. Its output goes
 * to a log file; {@link #kill()} is SIGKILL: no shutdown hook, no MQTT DISCONNECT, no flush.
 */
final class GatewayProcess {

    private static final String RUNNING = "parkwatch gateway running";

    private final Process process;
    private final CountDownLatch running = new CountDownLatch(1);

    private GatewayProcess(Process process, Path log) {
        this.process = process;
        Thread pump = new Thread(() -> pump(log), "gateway-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts the gateway and returns once it is subscribed (it prints that it is running). */
    static GatewayProcess start(String kafka, String mqtt, String clientId, char[] password, Path log,
                                int receiveMaximum) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), "io.parkwatch.cli.Main", "ingest",
            "--kafka", kafka, "--mqtt", mqtt, "--mqtt-user", BenchLoad.GATEWAY_USER, "--client-id", clientId,
            "--receive-maximum", String.valueOf(receiveMaximum), "--metrics-port=-1",
            // The sample registry the load's enterprises and points come from; loaded (unchanged
            // after the first start) before the gateway subscribes.
            "--sample-registry", "--seed", String.valueOf(BenchLoad.PARK_SEED)))
            .redirectErrorStream(true);
        builder.environment().put("PARKWATCH_MQTT_PASSWORD", new String(password));
        GatewayProcess gateway = new GatewayProcess(builder.start(), log);
        if (!gateway.running.await(60, TimeUnit.SECONDS)) {
            gateway.kill();
            throw new AssertionError("gateway not running within 60 s; see " + log);
        }
        return gateway;
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("gateway " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    long pid() {
        return process.pid();
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
