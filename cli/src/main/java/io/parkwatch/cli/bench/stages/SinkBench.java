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
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The InfluxDB sink against a raw writer, on embedded Kafka and a local influxd: the sink drains
 * a pre-filled readings topic; the raw writer posts the same points, as the same line protocol in
 * the same batches (the topic read back with the sink's consumer settings), with the sink's HTTP
 * client settings, into a database set up like the sink's (same retention policies). The two
 * alternate over several rounds, so that a drift of the shared machine falls on both; then the
 * bureau API exports the last sink pass's points as CSV. The raw writer's bodies are built before
 * its clock starts: it measures what influxd takes, and the sink's own polling, decoding and
 * serialising count against the sink. Both are measured warm: first a sink of another consumer
 * group writes the first {@code warmUp} points of the same topic into a scratch database (the JIT
 * compiling Kafka's consumer, Jackson and the sink took more CPU than the sink's own work in a
 * cold pass), and the raw writer posts its first bodies there.
 */
final class SinkBench {

    static final String SINK_DB = "parkwatch";
    static final String RAW_DB = "bench_raw";
    static final String WARM_UP_DB = "bench_warmup";
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);
    private static final Duration QUIET_WINDOW = Duration.ofMillis(500);
    /** Quiet: under this share of one CPU. */
    private static final double QUIET_SHARE = 0.1;

    /**
     * One writer's pass: points written and counted back, the points and seconds timed, the CPU
     * that influxd and this JVM spent meanwhile, and of the JVM's, each group of threads'
     * nanoseconds and the JIT's and GC's elapsed milliseconds.
     */
    record Phase(long written, long counted, long timedPoints, double seconds, double influxdCpuSeconds,
                 double jvmCpuSeconds, Map<String, Long> threadNanos, long jitMillis, long gcMillis) {

        static final Phase NONE = new Phase(0, 0, 0, Double.NaN, 0, 0, Map.of(), 0, 0);

        double rate() {
            return timedPoints / seconds;
        }

        Phase withCounted(long points) {
            return new Phase(written, points, timedPoints, seconds, influxdCpuSeconds, jvmCpuSeconds, threadNanos,
                jitMillis, gcMillis);
        }

        /** Both passes together, as one pass of their summed points, time and CPU. */
        Phase plus(Phase other) {
            Map<String, Long> threads = new HashMap<>(threadNanos);
            other.threadNanos.forEach((group, nanos) -> threads.merge(group, nanos, Long::sum));
            return new Phase(written + other.written, counted + other.counted, timedPoints + other.timedPoints,
                seconds + other.seconds, influxdCpuSeconds + other.influxdCpuSeconds,
                jvmCpuSeconds + other.jvmCpuSeconds, Map.copyOf(threads), jitMillis + other.jitMillis,
                gcMillis + other.gcMillis);
        }
    }

    /** One round: a raw pass and a sink pass (raw first in odd rounds, the sink first in even ones). */
    record Round(int number, Phase raw, Phase sink, double sinkStartSeconds) {

        double ratio() {
            return sink.rate() / raw.rate();
        }
    }

    record Result(String cpus, long readings, int batch, Phase warmUp, List<Round> rounds, long exportRows,
                  long exportBytes, double exportSeconds) {

        Phase sink() {
            return rounds.stream().map(Round::sink).reduce(Phase::plus).orElse(Phase.NONE);
        }

        Phase raw() {
            return rounds.stream().map(Round::raw).reduce(Phase::plus).orElse(Phase.NONE);
        }

        /** Summed sink points per summed sink second, over the raw writer's. */
        double ratio() {
            return sink().rate() / raw().rate();
        }

        double medianRoundRatio() {
            return Figures.quantile(rounds.stream().mapToDouble(Round::ratio).toArray(), 0.5);
        }
    }

    /**
     * Fills the readings topic, warms the JVM up, then runs {@code rounds} rounds of a raw pass and
     * a sink pass over the whole topic, alternating which goes first, each into a fresh database
     * (the sink in a fresh consumer group): the passes interleave, so that a drift of the shared
     * machine (influxd compacting earlier passes, the JIT still at work) falls on both writers.
     */
    Result run(int count, int points, int warmUp, int warmUpPasses, int rounds, boolean separateCores)
        throws Exception {
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
            Phase warm = Phase.NONE;
            if (warmUp > 0 && warmUpPasses > 0) {
                raw(raw, influxd, bodies.subList(0, Math.min(bodies.size(), (warmUp + batch - 1) / batch)),
                    WARM_UP_DB + "_raw", 0);
                drop(raw, WARM_UP_DB + "_raw");
                // Each pass in a group of its own: every sink pass starts a sink, as the measured ones do.
                for (int pass = 0; pass < warmUpPasses; pass++) {
                    Phase warming = sink(inGroup(defaults, "parkwatch-bench-warm-up-" + pass),
                        InfluxTarget.v1(influxd.url(), WARM_UP_DB), influxd, raw, Math.min(warmUp, count));
                    drop(raw, WARM_UP_DB);
                    if (pass == 0) {
                        warm = warming;
                    }
                }
            }
            List<Round> done = new ArrayList<>();
            for (int n = 1; n <= rounds; n++) {
                done.add(round(n, rounds, defaults, influxd, raw, bodies, count));
            }
            InfluxTarget target = InfluxTarget.v1(influxd.url(), SINK_DB + "_" + rounds);
            Export export = export(target, kafka.bootstrapServers(), load, dir);
            return new Result(cpus, count, batch, warm, List.copyOf(done), export.rows(), export.bytes(),
                export.seconds());
        } finally {
            CoverageBench.delete(dir);
        }
    }

    /** Round {@code n}: a raw and a sink pass (the raw one first in odd rounds), each on a settled machine. */
    private static Round round(int n, int rounds, SinkSettings defaults, InfluxdProcess influxd, RawInfluxWriter raw,
                               List<String> bodies, int count) throws Exception {
        InfluxTarget target = InfluxTarget.v1(influxd.url(), SINK_DB + "_" + n);
        String rawDatabase = RAW_DB + "_" + n;
        Phase rawPass = null;
        double settled = 0;
        if (n % 2 == 1) {
            settled += settle(influxd);
            rawPass = raw(raw, influxd, bodies, rawDatabase, count);
            drop(raw, rawDatabase);
        }
        settled += settle(influxd);
        long start = System.nanoTime();
        Phase sinkPass = sink(inGroup(defaults, "parkwatch-bench-sink-" + n), target, influxd, raw, count);
        double startSeconds = (System.nanoTime() - start) / 1e9 - sinkPass.seconds();
        if (n < rounds) {
            drop(raw, target.database());
        }
        if (rawPass == null) {
            settled += settle(influxd);
            rawPass = raw(raw, influxd, bodies, rawDatabase, count);
            drop(raw, rawDatabase);
        }
        Round round = new Round(n, rawPass, sinkPass, startSeconds);
        System.out.printf("  (round %d of %d: sink %.0f, raw writer %.0f points/s: %.3f; JIT %.1f s in the sink "
            + "pass; %.1f s waited for a quiet machine)%n", n, rounds, sinkPass.rate(), rawPass.rate(),
            round.ratio(), sinkPass.jitMillis() / 1e3, settled);
        return round;
    }

    /**
     * Drops a pass's database once it was counted: the next pass meets an influxd holding no
     * earlier pass, and so none of its snapshots and compactions. The last sink pass stays for
     * the export.
     */
    private static void drop(RawInfluxWriter raw, String database) throws IOException, InterruptedException {
        raw.query(database, "DROP DATABASE \"" + database + "\"");
    }

    /**
     * Waits, at most {@link #SETTLE_LIMIT}, until influxd and this JVM each used under a tenth of
     * a CPU over half a second, so that a pass starts on a quiet machine rather than in the
     * compactions (influxd) and compilations (JIT) that the pass before left running; returns the
     * seconds waited.
     */
    private static double settle(InfluxdProcess influxd) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + SETTLE_LIMIT.toNanos();
        Cpu before = Cpu.now(influxd);
        while (System.nanoTime() < deadline) {
            Thread.sleep(QUIET_WINDOW.toMillis());
            Cpu now = Cpu.now(influxd);
            Cpu used = now.minus(before);
            if (used.influxd() < QUIET_SHARE * QUIET_WINDOW.toMillis() / 1e3
                && used.jvm() < QUIET_SHARE * QUIET_WINDOW.toMillis() / 1e3) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static SinkSettings inGroup(SinkSettings settings, String group) {
        return new SinkSettings(settings.bootstrapServers(), group, settings.maxBatchPoints(), settings.linger(),
            settings.backoff());
    }

    /**
     * Timed from the first batch seen written to the last point (start-up, group join and that
     * first batch excluded); a pass of one batch only is timed from the sink's start.
     */
    private static Phase sink(SinkSettings settings, InfluxTarget target, InfluxdProcess influxd, RawInfluxWriter raw,
                              int count) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Mark start = Mark.now(influxd);
        Mark first = null;
        double written = 0;
        double writtenAtFirst = 0;
        double writingAtFirst = 0;
        try (SinkRuntime sink = SinkRuntime.start(settings, target, RetentionSettings.defaults(), meters,
            Clock.systemUTC())) {
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (written < count && System.nanoTime() < deadline) {
                // The bench's own progress check: rare enough to cost the measured JVM nothing noticeable.
                Thread.sleep(20);
                written = meters.counter("parkwatch.sink.points.written").count();
                if (first == null && written > 0) {
                    first = Mark.now(influxd);
                    writtenAtFirst = written;
                    writingAtFirst = writingSeconds(meters);
                }
            }
            double writing = writingSeconds(meters) - writingAtFirst;
            Phase pass = written > writtenAtFirst
                ? first.phase(influxd, (long) written, (long) (written - writtenAtFirst))
                : start.phase(influxd, (long) written, (long) written);
            System.out.printf("  (sink pass: writes in flight %.1f %% of the timed pass)%n", 100 * writing / pass.seconds());
            return pass.withCounted(raw.countReadings(target.database()));
        }
    }

    private static double writingSeconds(SimpleMeterRegistry meters) {
        return meters.timer("parkwatch.sink.batch.latency").totalTime(java.util.concurrent.TimeUnit.SECONDS);
    }

    private static Phase raw(RawInfluxWriter raw, InfluxdProcess influxd, List<String> bodies, String database,
                             int count) throws Exception {
        new InfluxDatabaseAdmin(InfluxTarget.v1(influxd.url(), database).v1Endpoint())
            .ensure(RetentionSettings.defaults().policies());
        Mark start = Mark.now(influxd);
        for (String body : bodies) {
            raw.write(database, body);
        }
        return start.phase(influxd, count, count).withCounted(raw.countReadings(database));
    }

    /** Where a timed interval starts: the clock, the CPU of influxd, of the JVM and of its threads, JIT, GC. */
    private record Mark(long nanos, Cpu cpu, Map<Long, ThreadCpu.Sample> threads, long jitMillis, long gcMillis) {

        static Mark now(InfluxdProcess influxd) {
            return new Mark(System.nanoTime(), Cpu.now(influxd), ThreadCpu.all(), ThreadCpu.jitMillis(),
                ThreadCpu.gcMillis());
        }

        /** The interval from this mark to now, as a pass (its points not counted back yet). */
        Phase phase(InfluxdProcess influxd, long written, long timedPoints) {
            double seconds = (System.nanoTime() - nanos) / 1e9;
            Cpu used = Cpu.now(influxd).minus(cpu);
            return new Phase(written, 0, timedPoints, seconds, used.influxd(), used.jvm(),
                ThreadCpu.byGroupSince(threads), ThreadCpu.jitMillis() - jitMillis, ThreadCpu.gcMillis() - gcMillis);
        }
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
