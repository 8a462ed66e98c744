package io.parkwatch.bench.field;

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
 * {@code parkwatch ingest --hj212-port … --jt808-port …} in a JVM of its own, so that it can be
 * killed with SIGKILL (no shutdown hook, no flush, connections reset) and started again on the
 * same ports. Its output is appended to a log file.
 */
final class FieldGateway {

    /** What the gateway needs to start, every time the same. */
    record Launch(String kafka, int hj212Port, Path hj212Credentials, int jt808Port, String jt808Secret, Path log) {
    }

    private static final String RUNNING = "parkwatch gateway running";

    private final Process process;
    private final CountDownLatch running = new CountDownLatch(1);

    private FieldGateway(Process process, Path log) {
        this.process = process;
        Thread pump = new Thread(() -> pump(log), "field-gateway-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts it and returns once both listeners are up (it prints that it is running). */
    static FieldGateway start(Launch launch) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), "io.parkwatch.cli.Main", "ingest",
            "--kafka", launch.kafka(),
            "--client-id", "field-bench-gateway", "--metrics-port=-1",
            "--hj212-host", "127.0.0.1", "--hj212-port", String.valueOf(launch.hj212Port()),
            "--hj212-credentials", launch.hj212Credentials().toString(),
            "--jt808-host", "127.0.0.1", "--jt808-port", String.valueOf(launch.jt808Port())))
            .redirectErrorStream(true);
        builder.environment().put("PARKWATCH_JT808_SECRET", launch.jt808Secret());
        FieldGateway gateway = new FieldGateway(builder.start(), launch.log());
        if (!gateway.running.await(90, TimeUnit.SECONDS)) {
            gateway.kill();
            throw new IllegalStateException("the gateway was not running within 90 s; see " + launch.log());
        }
        return gateway;
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** SIGKILL when cleaning up after a failure, which is already being reported. */
    void killQuietly() {
        process.destroyForcibly();
    }

    /** A clean stop at the end of the run. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
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
