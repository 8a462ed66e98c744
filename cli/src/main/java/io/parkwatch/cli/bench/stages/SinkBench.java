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
import io.parkwatch.streams.sink.influx.InfluxDatabaseAdmin;
import io.parkwatch.streams.sink.influx.RetentionSettings;
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
 * a pre-filled readings topic; the raw writer posts the same points, as the same line protocol in
 * the sink's batch size, with the sink's HTTP client settings, into a database set up like the
 * sink's (same retention policies), once before and once after the sink, so that a drift of the
 * shared machine shows; then the bureau API exports the sink's points as CSV. The raw writer's
 * bodies are built before its clock starts: it measures what influxd takes, and the sink's own
 * decoding and serialising count against the sink. Both are measured warm: before its measured
 * pass, a sink of another consumer group writes the first {@code warmUp} points of the same topic
 * into a scratch database (the JIT compiling Kafka's consumer, Jackson and the sink took more CPU
 * than the sink's own work in a cold pass), and the raw writer posts its first bodies there.
 */
final class SinkBench {

    static final String SINK_DB = "parkwatch";
    static final String RAW_DB = "bench_raw";
    static final String WARM_UP_DB = "bench_warmup";

    /** One writer's run: points, time, and the CPU that influxd and this JVM spent meanwhile. */
    record Phase(long written, long counted, double seconds, double influxdCpuSeconds, double jvmCpuSeconds) {

        double rate() {
            return written / seconds;
        }
    }

    record Result(String cpus, long readings, int batch, Phase warmUp, Phase sink, double sinkStartSeconds, Phase rawBefore,
                  Phase rawAfter, long exportRows, long exportBytes, double exportSeconds) {

        double rawRate() {
            return (rawBefore.rate() + rawAfter.rate()) / 2;
        }
    }

    Result run(int count, int points, int warmUp, boolean separateCores) throws Exception {
        Path dir = Files.createTempDirectory("parkwatch-bench-sink-");
        SinkLoad load = SinkLoad.of(count, points, Instant.now());
        int batch = SinkSettings.defaults("unused").maxBatchPoints();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka")));
             InfluxdProcess influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, dir.resolve("influx")))) {
            String cpus = separateCores ? CpuPinning.separate(influxd.processHandle(), ProcessHandle.current())
                : "shared: influxd and this JVM on every CPU";
            System.out.println("  (CPUs: " + cpus + ")");
            TopicProvisioner.ensure(kafka.bootstrapServers(), 3, (short) 1);
            load.produce(kafka.bootstrapServers());
            RawInfluxWriter raw = new RawInfluxWriter(influxd.url());
            SinkSettings defaults = SinkSettings.defaults(kafka.bootstrapServers());
            List<String> bodies = RawInfluxWriter.bodies(defaults, count);
            System.out.println("  (" + count + " readings in Kafka, read back as " + bodies.size()
                + " raw-writer bodies; warm-up: " + warmUp + " points)");
            Phase warm = new Phase(0, 0, Double.NaN, 0, 0);
            if (warmUp > 0) {
                raw(raw, influxd, bodies.subList(0, Math.min(bodies.size(), (warmUp + batch - 1) / batch)),
                    WARM_UP_DB + "_raw", 0);
                warm = sink(new SinkSettings(kafka.bootstrapServers(), "parkwatch-bench-warm-up",
                    defaults.maxBatchPoints(), defaults.linger(), defaults.backoff()),
                    InfluxTarget.v1(influxd.url(), WARM_UP_DB), influxd, raw, Math.min(warmUp, count));
            }
            System.out.println("  (warm-up done; raw writer starts)");
            Phase rawBefore = raw(raw, influxd, bodies, RAW_DB + "_before", count);
            System.out.println("  (raw writer done; sink starts)");
            InfluxTarget target = InfluxTarget.v1(influxd.url(), SINK_DB);
            long start = System.nanoTime();
            Phase sink = sink(defaults, target, influxd, raw, count);
            double startSeconds = (System.nanoTime() - start) / 1e9 - sink.seconds();
            System.out.println("  (sink done; raw writer starts again)");
            Phase rawAfter = raw(raw, influxd, bodies, RAW_DB, count);
            Export export = export(target, kafka.bootstrapServers(), load, dir);
            return new Result(cpus, count, batch, warm, sink, startSeconds, rawBefore, rawAfter, export.rows(), export.bytes(),
                export.seconds());
        } finally {
            CoverageBench.delete(dir);
        }
    }

    /** Timed from the first point written to the last (start-up and group join excluded). */
    private static Phase sink(SinkSettings settings, InfluxTarget target, InfluxdProcess influxd, RawInfluxWriter raw,
                              int count) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        long first = 0;
        double written = 0;
        Cpu cpu = null;
        try (SinkRuntime sink = SinkRuntime.start(settings, target, RetentionSettings.defaults(), meters,
            Clock.systemUTC())) {
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (written < count && System.nanoTime() < deadline) {
                // The bench's own progress check: rare enough to cost the measured JVM nothing noticeable.
                Thread.sleep(20);
                written = meters.counter("parkwatch.sink.points.written").count();
                if (first == 0 && written > 0) {
                    first = System.nanoTime();
                    cpu = Cpu.now(influxd);
                }
            }
            double seconds = (System.nanoTime() - first) / 1e9;
            Cpu used = Cpu.now(influxd).minus(cpu == null ? Cpu.now(influxd) : cpu);
            return new Phase((long) written, raw.countReadings(target.database()), seconds, used.influxd(), used.jvm());
        }
    }

    private static Phase raw(RawInfluxWriter raw, InfluxdProcess influxd, List<String> bodies, String database,
                             int count) throws Exception {
        new InfluxDatabaseAdmin(InfluxTarget.v1(influxd.url(), database).v1Endpoint())
            .ensure(RetentionSettings.defaults().policies());
        Cpu before = Cpu.now(influxd);
        long start = System.nanoTime();
        for (String body : bodies) {
            raw.write(database, body);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Cpu used = Cpu.now(influxd).minus(before);
        return new Phase(count, raw.countReadings(database), seconds, used.influxd(), used.jvm());
    }

    /** CPU seconds so far of influxd and of this JVM (Kafka included). */
    private record Cpu(double influxd, double jvm) {

        static Cpu now(InfluxdProcess influxd) {
            return new Cpu(seconds(influxd.processHandle()), seconds(ProcessHandle.current()));
        }

        private static double seconds(ProcessHandle process) {
            return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(influxd - earlier.influxd, jvm - earlier.jvm);
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
