package io.parkwatch.cli.bench.stages;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.alerts.access.ApiTokens;
import io.parkwatch.cli.runtime.AlertsRuntime;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.streams.sink.SinkSettings;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The InfluxDB sink against a raw writer, on embedded Kafka and a local influxd: the sink drains
 * a pre-filled readings topic; the raw writer posts the same points, in the sink's batch size, to
 * a second database; then the bureau API exports the sink's points as CSV.
 */
final class SinkBench {

    static final String SINK_DB = "parkwatch";
    static final String RAW_DB = "bench_raw";

    record Result(long readings, int batch, long sinkWritten, long sinkCounted, double sinkSeconds,
                  double sinkSteadySeconds, long rawCounted, double rawSeconds, long exportRows, long exportBytes,
                  double exportSeconds) {

        double sinkRate() {
            return sinkWritten / sinkSteadySeconds;
        }

        double rawRate() {
            return readings / rawSeconds;
        }
    }

    Result run(int count, int points) throws Exception {
        Path dir = Files.createTempDirectory("parkwatch-bench-sink-");
        SinkLoad load = SinkLoad.of(count, points, Instant.now());
        int batch = SinkSettings.defaults("unused").maxBatchPoints();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka")));
             InfluxdProcess influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, dir.resolve("influx")))) {
            TopicProvisioner.ensure(kafka.bootstrapServers(), 3, (short) 1);
            load.produce(kafka.bootstrapServers());
            System.out.println("  (" + count + " readings in Kafka; sink starts)");
            RawInfluxWriter raw = new RawInfluxWriter(influxd.url());
            InfluxTarget target = InfluxTarget.v1(influxd.url(), SINK_DB);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            long start = System.nanoTime();
            long first = 0;
            double written = 0;
            try (SinkRuntime sink = SinkRuntime.start(kafka.bootstrapServers(), target, meters, Clock.systemUTC())) {
                long deadline = start + Duration.ofMinutes(20).toNanos();
                while (written < count && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    written = meters.counter("parkwatch.sink.points.written").count();
                    if (first == 0 && written > 0) {
                        first = System.nanoTime();
                    }
                }
            }
            long end = System.nanoTime();
            long sinkCounted = raw.countReadings(SINK_DB);
            System.out.println("  (sink done; raw writer starts)");
            raw.query(SINK_DB, "CREATE DATABASE " + RAW_DB);
            List<String> bodies = RawInfluxWriter.bodies(load.readings(), batch);
            long rawStart = System.nanoTime();
            for (String body : bodies) {
                raw.write(RAW_DB, body);
            }
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
            long rawCounted = raw.countReadings(RAW_DB);
            Export export = export(target, kafka.bootstrapServers(), load, dir);
            return new Result(count, batch, (long) written, sinkCounted, (end - start) / 1e9,
                (end - (first == 0 ? start : first)) / 1e9, rawCounted, rawSeconds, export.rows(), export.bytes(),
                export.seconds());
        } finally {
            CoverageBench.delete(dir);
        }
    }

    record Export(long rows, long bytes, double seconds) {
    }

    /** {@code GET /api/v1/emissions?interval=raw&format=csv} over the whole load: rows (lines less the header). */
    private static Export export(InfluxTarget target, String kafka, SinkLoad load, Path dir) throws Exception {
        // A bureau token of this run only; the file goes with the scratch directory.
        String secret = UUID.randomUUID().toString();
        Path tokens = Files.writeString(dir.resolve("api-tokens.properties"), "bench=bureau:" + secret + "\n");
        try (AlertsRuntime alerts = AlertsRuntime.start("127.0.0.1", 0, target,
            AlertsRuntime.BoardSettings.of(kafka), ApiTokens.load(tokens),
            AlertsRuntime.DEFAULT_PARK_ZONE, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            Clock.systemUTC())) {
            URI uri = URI.create("http://127.0.0.1:" + alerts.port() + "/api/v1/emissions?interval=raw&format=csv"
                + "&from=" + load.from().minusSeconds(1) + "&to=" + load.to());
            long start = System.nanoTime();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + secret).build(),
                HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream body = response.body()) {
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("export answered " + response.statusCode());
            }
            return new Export(Math.max(0, lines - 1), bytes, seconds);
        }
    }
}
