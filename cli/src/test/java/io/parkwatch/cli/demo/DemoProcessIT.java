package io.parkwatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.testkit.SharedServers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code parkwatch demo} as a user would, in its own JVM, until it reports ready; then stops
 * it with SIGTERM (what Ctrl-C's shutdown path runs) and checks that no process it started lives
 * on, influxd included.
 */
class DemoProcessIT {

    private static final Pattern CONSOLE = Pattern.compile("console\\s+(http://\\S+)");

    @Test
    void demoReachesReadyServesTheConsoleAndLeavesNoProcessBehind() throws Exception {
        Path jar = Path.of("target", "parkwatch.jar").toAbsolutePath();
        assertThat(jar).as("the packaged CLI").exists();
        Path data = SharedServers.directory("demo");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx768m", "-jar", jar.toString(), "demo", "--mqtt-port", "0", "--kafka-port", "0",
            "--influx-port", "0", "--http-port", "0", "--hj212-port", "0", "--jt808-port", "0", "--data-dir", data.toString(), "--enterprises", "6",
            "--speed-up", "5", "--ready-timeout", "PT2M")
            .redirectErrorStream(true).start();
        BlockingQueue<String> lines = pump(demo);
        try {
            String console = awaitReady(lines, demo);
            List<ProcessHandle> children = demo.descendants().toList();
            assertThat(children).as("influxd runs as the demo's child")
                .anySatisfy(child -> assertThat(child.info().command().orElse("")).endsWith("influxd"));

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(console)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("parkwatch");
            // The whole pipeline's readiness on the console's port, every service's checks named.
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(console + "health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("\"mqtt.subscription\"", "\"kafka.producer\"", "\"influxdb\"",
                "\"sink.lag\"", "\"streams.parkwatch-streams-alerts\"", "\"console.alert-feed\"");
            // Library logs go to the data directory's log file, not to the terminal.
            assertThat(data.resolve("logs").resolve("parkwatch.log")).exists();

            demo.destroy();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo exits after SIGTERM").isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("child %s stopped", child.pid()).isFalse();
            }
            assertThat(Files.readString(data.resolve("credentials.properties"))).contains("xilinhot.e001=")
                .as("a password per HJ 212 logger of the registry").containsPattern("(?m)^hj212\\.1529[0-9]{10}=[A-Za-z0-9]{9}$");
        } finally {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }

    private static String awaitReady(BlockingQueue<String> lines, Process demo) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        String console = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                assertThat(demo.isAlive()).as("demo exited early:%n%s", seen).isTrue();
                continue;
            }
            seen.append(line).append('\n');
            Matcher matcher = CONSOLE.matcher(line);
            if (matcher.find()) {
                console = matcher.group(1);
            }
            if (line.equals(Demo.READY)) {
                assertThat(console).as("console URL printed before ready:%n%s", seen).isNotNull();
                return console;
            }
        }
        throw new AssertionError("demo not ready within 3 minutes:\n" + seen);
    }

    private static BlockingQueue<String> pump(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    System.out.println("[demo] " + line);
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("[output closed: " + e + "]");
            }
        }, "demo-output");
        pump.setDaemon(true);
        pump.start();
        return lines;
    }
}
