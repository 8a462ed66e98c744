package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.testkit.SharedServers;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A year-scale export from a server whose heap is far smaller than the export: 100 stacks ×
 * 3000 hours = 300,000 hourly rows (≈ 30 MB of CSV) out of a JVM with {@code -Xmx20m}. It can
 * only succeed if rows are streamed from InfluxDB's chunks to the client as they arrive.
 */
class EmissionExportStreamingIT {

    private static final String DB = "bureau_export_it";
    private static final int STACKS = 100;
    private static final int HOURS = 3000;
    private static final String TOKEN = "bureau-export-token-0123456789";
    private static final Pattern READY = Pattern.compile("port=(\\d+) max-heap=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void aCsvExportLargerThanTheServersHeapStreamsCompletely() throws Exception {
        String url = SharedServers.influxd().url();
        InfluxFixture influx = new InfluxFixture(url, DB);
        long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        List<String> lines = new ArrayList<>(STACKS * 500);
        for (int hour = 0; hour < HOURS; hour++) {
            for (int stack = 0; stack < STACKS; stack++) {
                lines.add(InfluxFixture.hourly("e" + (stack / 2), "stack-" + stack, "a21002-Rtd",
                    start + hour * 3600L, 40 + (hour % 20), 120, 118));
            }
            if (lines.size() >= 50_000) {
                influx.write("agg_1h", lines);
                lines.clear();
            }
        }
        influx.write("agg_1h", lines);
        Path tokens = dir.resolve("tokens.properties");
        Files.writeString(tokens, "bureau=bureau:" + TOKEN + "\n");

        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx20m",
            "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), ExportServerMain.class.getName(), url, DB,
            tokens.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
            Matcher ready = readyLine(serverOut);
            long maxHeap = Long.parseLong(ready.group(2));
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + ready.group(1) + "/api/v1/emissions?pollutant=nox&interval=1h&format=csv"
                        + "&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z"))
                    .header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            long rows = 0;
            long bytes = 0;
            String last = "";
            try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String header = body.readLine();
                assertThat(header).isEqualTo(EmissionCsv.HEADER);
                for (String line = body.readLine(); line != null; line = body.readLine()) {
                    rows++;
                    bytes += line.length() + 2;
                    last = line;
                }
            }
            System.out.printf("export IT: %d rows, %.1f MB of CSV from a server with a %.1f MB heap%n", rows,
                bytes / 1e6, maxHeap / 1e6);
            assertThat(last).doesNotStartWith("# incomplete");
            assertThat(rows).isEqualTo((long) STACKS * HOURS);
            assertThat(bytes).isGreaterThan(maxHeap);
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static Matcher readyLine(BufferedReader serverOut) throws Exception {
        StringBuilder seen = new StringBuilder();
        for (String line = serverOut.readLine(); line != null; line = serverOut.readLine()) {
            Matcher matcher = READY.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the export server exited before it was ready:\n" + seen);
    }
}
