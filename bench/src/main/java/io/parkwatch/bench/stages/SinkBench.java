package io.parkwatch.bench.stages;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.cli.runtime.ConsoleRuntime;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.sink.SinkSettings;
import io.parkwatch.sink.influx.InfluxDatabaseAdmin;
import io.parkwatch.sink.influx.RetentionSettings;
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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;

/**
 * The InfluxDB sink against a raw writer, on embedded Kafka and a local influxd. One sink runs
 * throughout, as it would in production; each pass hands it a load of readings at once (sent in
 * a Kafka transaction held open, then committed) and times it from that commit until the last
 * point is written. The raw writer posts the same points, as the same line protocol in the same
 * batches (the load read back with the sink's consumer settings), with the sink's HTTP client
 * settings, into a database set up like the sink's (same retention policies): its bodies are
 * built before its clock starts, so it measures what influxd takes, and the sink's own polling,
 * decoding and serialising count against the sink. The two alternate over several rounds, each
 * pass on a settled machine, so that a drift of the shared machine falls on both; warm-up passes
 * come first (the JIT compiling Kafka's consumer and the sink took more CPU than the sink's own
 * work in a cold pass). Then the bureau API exports the last pass's points as CSV.
 */
final class SinkBench {

    static final String SINK_DB = "parkwatch";
    static final String RAW_DB = "bench_raw";
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
    record Round(int number, Phase raw, Phase sink) {

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
     * Warms up with {@code warmUpPasses} passes (at least one: the first, cold, seeds the topic
     * before the sink starts), then runs {@code rounds} rounds of a raw pass and
     * a sink pass of {@code count} readings each, alternating which goes first.
     */
    Result run(int count, int points, int warmUpPasses, int rounds, boolean separateCores) throws Exception {
        Path dir = Files.createTempDirectory("parkwatch-bench-sink-");
        int batch = SinkSettings.defaults("unused").maxBatchPoints();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka")));
             InfluxdProcess influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, dir.resolve("influx")))) {
            String cpus = separateCores ? CpuPinning.separate(influxd.processHandle(), ProcessHandle.current())
                : "shared: influxd and this JVM on every CPU";
            System.out.println("  (CPUs: " + cpus + ")");
            TopicProvisioner.ensure(kafka.bootstrapServers(), 3, (short) 1);
            Passes passes = new Passes(kafka.bootstrapServers(), influxd, count, points);
            // The first load goes in before the sink starts and without a transaction (fresh
            // partitions settle their leaders first); its pass is the cold one.
            SinkLoad first = passes.load(0);
            Map<TopicPartition, Long> from = RawInfluxWriter.ends(kafka.bootstrapServers());
            first.produce(kafka.bootstrapServers());
            passes.raw(RawInfluxWriter.bodies(passes.settings, from, RawInfluxWriter.ends(kafka.bootstrapServers())),
                first);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            Mark start = Mark.now(influxd);
            List<Round> done = new ArrayList<>();
            Phase warm;
            try (SinkRuntime sink = SinkRuntime.start(passes.settings, passes.sinkTarget, RetentionSettings.defaults(),
                    meters, Clock.systemUTC());
                 HeldBackLoad held = new HeldBackLoad(kafka.bootstrapServers())) {
                warm = passes.drained(meters, start, 0, first);
                for (int k = 1; k < warmUpPasses; k++) {
                    passes.round(k, meters, held, false);
                }
                for (int n = 1; n <= rounds; n++) {
                    Round round = passes.round(warmUpPasses - 1 + n, meters, held, n % 2 == 1);
                    done.add(new Round(n, round.raw(), round.sink()));
                    System.out.printf("  (round %d of %d: sink %.0f, raw writer %.0f points/s: %.3f; JIT %.1f s in the "
                        + "sink pass)%n", n, rounds, round.sink().rate(), round.raw().rate(), round.ratio(),
                        round.sink().jitMillis() / 1e3);
                }
            }
            SinkLoad last = passes.load(warmUpPasses - 1 + rounds);
            Export export = export(passes.sinkTarget, kafka.bootstrapServers(), last, dir);
            return new Result(cpus, count, batch, warm, List.copyOf(done), export.rows(), export.bytes(),
                export.seconds());
        } finally {
            CoverageBench.delete(dir);
        }
    }

    /** The passes of one run: each a load of its own, earlier in time than the one before. */
    private static final class Passes {

        private final String kafka;
        private final InfluxdProcess influxd;
        private final int count;
        private final int points;
        private final Instant end = Instant.now();
        private final SinkSettings settings;
        private final InfluxTarget sinkTarget;
        private final RawInfluxWriter raw;

        Passes(String kafka, InfluxdProcess influxd, int count, int points) throws Exception {
            this.kafka = kafka;
            this.influxd = influxd;
            this.count = count;
            this.points = points;
            this.settings = SinkSettings.defaults(kafka);
            this.sinkTarget = InfluxTarget.v1(influxd.url(), SINK_DB);
            this.raw = new RawInfluxWriter(influxd.url());
            fresh(RAW_DB);
        }

        /**
         * Drops and creates a database (with the sink's retention policies) before a pass: each
         * pass meets an empty database, and no compaction of an earlier pass runs during it. The
         * sink's is dropped between its writes, while it has nothing to write.
         */
        void fresh(String database) throws Exception {
            raw.query(database, "DROP DATABASE \"" + database + "\"");
            new InfluxDatabaseAdmin(InfluxTarget.v1(influxd.url(), database).v1Endpoint())
                .ensure(RetentionSettings.defaults().policies());
        }

        /** Pass {@code k}'s readings: the same stacks and values, in a time range of their own. */
        SinkLoad load(int k) {
            Duration span = SinkLoad.STEP.multipliedBy((count + points - 1) / points).plus(Duration.ofHours(2));
            return SinkLoad.of(count, points, end.minus(span.multipliedBy(k)));
        }

        /**
         * One round: the load is held back in Kafka and read back for the raw writer, then the raw
         * writer's pass and the sink's (the load released at once), each on a settled machine.
         */
        Round round(int k, SimpleMeterRegistry meters, HeldBackLoad held, boolean rawFirst) throws Exception {
            SinkLoad load = load(k);
            Map<TopicPartition, Long> from = RawInfluxWriter.ends(kafka);
            held.hold(load);
            List<String> bodies = RawInfluxWriter.bodies(settings, from, RawInfluxWriter.ends(kafka));
            Phase rawPass = rawFirst ? raw(bodies, load) : null;
            fresh(SINK_DB);
            settle(influxd);
            double before = written(meters);
            Mark start = Mark.now(influxd);
            held.release();
            Phase sinkPass = drained(meters, start, before, load);
            if (rawPass == null) {
                rawPass = raw(bodies, load);
            }
            return new Round(k, rawPass, sinkPass);
        }

        Phase raw(List<String> bodies, SinkLoad load) throws Exception {
            fresh(RAW_DB);
            settle(influxd);
            Mark start = Mark.now(influxd);
            for (String body : bodies) {
                raw.write(RAW_DB, body);
            }
            return start.phase(influxd, count, count).withCounted(raw.countReadings(RAW_DB, load.from(), load.to()));
        }

        /** Waits until the sink wrote the load's points on top of {@code before}; timed from {@code start}. */
        Phase drained(SimpleMeterRegistry meters, Mark start, double before, SinkLoad load) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            double writingBefore = writingSeconds(meters);
            while (written(meters) < before + count && System.nanoTime() < deadline) {
                // The bench's own progress check: rare enough to cost the measured JVM nothing noticeable.
                Thread.sleep(20);
            }
            long written = (long) (written(meters) - before);
            Phase pass = start.phase(influxd, written, written);
            System.out.printf("  (sink pass: a write in flight %.1f %% of the time)%n",
                100 * (writingSeconds(meters) - writingBefore) / pass.seconds());
            return pass.withCounted(raw.countReadings(SINK_DB, load.from(), load.to()));
        }

        private static double written(SimpleMeterRegistry meters) {
            return meters.counter("parkwatch.sink.points.written").count();
        }

        private static double writingSeconds(SimpleMeterRegistry meters) {
            return meters.timer("parkwatch.sink.batch.latency").totalTime(TimeUnit.SECONDS);
        }
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
        try (ConsoleRuntime alerts = ConsoleRuntime.start("127.0.0.1", 0, target,
            ConsoleRuntime.BoardSettings.of(kafka), ApiTokens.load(tokens),
            ParkZones.DEFAULT, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
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
