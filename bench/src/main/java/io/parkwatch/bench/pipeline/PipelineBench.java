package io.parkwatch.bench.pipeline;

import io.parkwatch.bench.BenchLoad;
import io.parkwatch.bench.BenchServers;
import io.parkwatch.bench.PhaseResult;
import io.parkwatch.bench.StageBaselines;
import io.parkwatch.bench.stages.InfluxBaseline;
import io.parkwatch.cli.registry.KafkaRegistryLoader;
import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole pipeline on this machine: embedded Kafka, the MQTT broker, influxd, and in this JVM
 * the gateway, the streams applications and the sink, fed by {@link FieldLoad}'s publishers at
 * rising rates; then, on the same servers with the pipeline stopped, the same steps through the
 * MQTT → InfluxDB bridge ({@link BridgeRun}) and the other baselines.
 */
public final class PipelineBench {

    private static final long BASELINE_WARM_UP = 5_000;
    private static final Duration FINAL_DRAIN = Duration.ofMinutes(10);
    /** Up to this many readings in InfluxDB, a loss is looked up id by id. */
    private static final long MAX_ID_CHECK = 2_000_000;

    private final PipelineSettings settings;

    public PipelineBench(PipelineSettings settings) {
        this.settings = settings;
    }

    /** Runs, prints as it goes, writes {@code result.json} and {@code timeline.png} to the output directory. */
    public int run() throws Exception {
        Files.createDirectories(settings.out());
        Map<String, Object> machine = Machine.describe();
        System.out.println("parkwatch bench: " + machine);
        PipelineReport report = measure(machine);
        report.machine().put("loadAfter", Machine.loadAverage());
        System.out.print(report.text());
        Path json = settings.out().resolve("result.json");
        Path png = settings.out().resolve("timeline.png");
        report.writeJson(json);
        TimelinePlot.write(report, png);
        System.out.println("results written to " + json + " and " + png);
        return 0;
    }

    private PipelineReport measure(Map<String, Object> machine) throws Exception {
        Path dir = Files.createTempDirectory("parkwatch-bench-pipeline-");
        FieldLoad load = new FieldLoad(settings.enterprises(), settings.readingsPerMessage(), settings.peakRate());
        BenchLoad baselineLoad = new BenchLoad(4);
        List<MqttAccount> accounts = new ArrayList<>(load.accounts());
        accounts.addAll(baselineLoad.accounts());
        try (BenchServers servers = BenchServers.start(settings.broker(), MqttPersistence.FILE,
                 new StaticAccessPolicy(accounts));
             InfluxdProcess influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, dir.resolve("influx")))) {
            System.out.println("  registry: " + new KafkaRegistryLoader(servers.kafka()).load(load.registry()));
            Map<String, Long> pids = processes(influxd);
            Steps steps = steps(servers, influxd, load, dir, pids);
            List<BridgeStep> bridge = List.of();
            if (settings.bridge()) {
                System.out.println("  bridge baseline: MQTT -> InfluxDB, one Paho client, QoS 1 acknowledged on arrival, "
                    + "the gateway's decoders, batches of <= " + MqttInfluxBridge.BATCH_POINTS + " points or "
                    + MqttInfluxBridge.FLUSH_AFTER.toMillis() + " ms, database " + BridgeRun.DATABASE);
                bridge = new BridgeRun(settings, new ProcessStats(pids),
                    new StageBudget(ThreadStage.bridge(), new ProcessStats(servers(pids)))).run(servers.mqtt(), influxd.url(), load,
                    steps.results().stream().map(StepResult::asked).toList());
            }
            PhaseResult raw = null;
            PhaseResult influx = null;
            PhaseResult broker = null;
            if (settings.baselineMessages() > 0) {
                System.out.println("  baselines: raw Kafka producer, raw InfluxDB writer, MQTT broker alone");
                raw = StageBaselines.rawProducer(servers.kafka(), baselineLoad, BASELINE_WARM_UP,
                    settings.baselineMessages());
                influx = InfluxBaseline.run(influxd.url(), "bench_raw", (int) settings.baselineMessages());
                broker = StageBaselines.brokerAlone(servers.mqtt(), baselineLoad, BASELINE_WARM_UP,
                    settings.baselineMessages());
            }
            return new PipelineReport(settings, machine, steps.results(), steps.totals(), raw, influx, broker, bridge,
                steps.timeline(),
                steps.alerts(), steps.startMillis());
        } finally {
            delete(dir);
        }
    }

    private record Steps(List<StepResult> results, PipelineReport.Totals totals, List<Timeline.Point> timeline,
                         List<AlertProbe.Sample> alerts, long startMillis) {
    }

    /**
     * After the last step, waits for everything sent to land for as long as InfluxDB's count still
     * grows (at most {@link #FINAL_DRAIN}): what is missing once it stopped growing for a drain time is lost.
     */
    private PipelineReport.Totals totals(StepRunner.Rig rig, long runStart) throws Exception {
        long sent = rig.sent();
        long start = System.nanoTime();
        long landed = rig.influx().since(runStart - 1000);
        long progressed = start;
        while (landed < sent && System.nanoTime() - progressed < settings.drain().toNanos()
            && System.nanoTime() - start < FINAL_DRAIN.toNanos()) {
            Thread.sleep(2000);
            long now = rig.influx().since(runStart - 1000);
            if (now > landed) {
                landed = now;
                progressed = System.nanoTime();
            }
        }
        IdTally.Counts kafka = rig.tally().counts();
        long lost = Math.max(0, sent - landed);
        if (lost > 0 && landed < MAX_ID_CHECK) {
            // The count says something is missing: the ids say what (and a late batch is no loss).
            LandedIds.Missing missing = LandedIds.find(rig.influx().url(), Pipeline.DATABASE, runStart - 1000,
                rig.tally());
            System.out.println("  missing in InfluxDB by message id, per format: " + missing.byFormat() + "; e.g. "
                + missing.examples());
            lost = missing.byFormat().values().stream().mapToLong(Long::longValue).sum()
                + Math.max(0, sent - kafka.distinct());
            landed = rig.influx().since(runStart - 1000);
        }
        return new PipelineReport.Totals(sent, kafka.distinct(), kafka.duplicates(), landed, lost,
            Math.max(0, sent - kafka.distinct()), (System.nanoTime() - start) / 1e9);
    }

    private Steps steps(BenchServers servers, InfluxdProcess influxd, FieldLoad load, Path dir, Map<String, Long> pids)
        throws Exception {
        List<StepResult> results = new ArrayList<>();
        try (Pipeline pipeline = Pipeline.start(servers.kafka(), servers.mqtt(), influxd.url(), load, dir);
             IdTally tally = new IdTally(servers.kafka(), load);
             AlertProbe alerts = new AlertProbe(servers.kafka());
             Lanes lanes = Lanes.connect(servers.mqtt(), load, "bench-");
             Timeline timeline = new Timeline(lanes::sent, () -> tally.counts().distinct() + tally.counts().duplicates(),
                 pipeline::sinkWritten)) {
            StepRunner.Rig rig = new StepRunner.Rig(lanes, tally, alerts,
                new InfluxCount(influxd.url(), Pipeline.DATABASE), new ProcessStats(pids), timeline,
                new StageBudget(ThreadStage.pipeline(), new ProcessStats(servers(pids))));
            StepRunner runner = new StepRunner(rig, settings);
            long runStart = System.currentTimeMillis();
            try {
                warmUp(runner);
                for (int i = 0; i < settings.rates().size(); i++) {
                    StepResult result = runner.run(i, settings.rates().get(i), settings.step());
                    results.add(result);
                    System.out.println("  " + StepRunner.describe(result));
                    System.out.print(StageBudget.table(result.budget(), "    "));
                    if (i == 0 && !runner.unclassified().isEmpty()) {
                        System.out.println("    busiest threads no stage rule knew (ThreadStage): "
                            + String.join(", ", runner.unclassified()));
                    }
                    if (!settings.keepGoing() && fellBehind(result.lost(), result.sustained(), result.asked())) {
                        System.out.println("  (the pipeline fell behind or lost readings: higher steps skipped; "
                            + "--keep-going runs them)");
                        break;
                    }
                }
            } finally {
                runner.close();
            }
            PipelineReport.Totals totals = totals(rig, runStart);
            System.out.println("  " + totals.text());
            return new Steps(results, totals, timeline.points(), alerts.since(0), timeline.startMillis());
        }
    }

    /** A step left readings behind or sustained under 80 % of its rate: the higher steps are skipped. */
    /** A fixed warm-up, or rounds until the pipeline is steady ({@link SteadyWarmUp}). */
    private void warmUp(StepRunner runner) throws Exception {
        int rate = settings.rates().get(0);
        if (!settings.steadyWarmUp()) {
            if (!settings.warmUp().isZero()) {
                System.out.println("  warm-up: " + StepRunner.describe(runner.run(-1, rate, settings.warmUp())));
            }
            return;
        }
        SteadyWarmUp steady = SteadyWarmUp.ofThisJvm();
        for (int round = 1; round <= SteadyWarmUp.MAX_ROUNDS; round++) {
            SteadyWarmUp.Outcome outcome = steady.round(() -> runner.run(-1, rate, SteadyWarmUp.ROUND));
            System.out.printf(Locale.ROOT, "  warm-up round %d: %s; JIT compiling %.2f of the time, "
                + "alerts caught up: %s%n", round, StepRunner.describe(outcome.result()), outcome.compilingShare(),
                outcome.alertsCaughtUp() ? "yes" : "no");
            if (outcome.steady()) {
                return;
            }
        }
        System.out.println("  (not steady after " + SteadyWarmUp.MAX_ROUNDS + " warm-up rounds: the steps measure "
            + "a pipeline still warming up)");
    }

    static boolean fellBehind(long lost, double sustained, int asked) {
        return lost > 0 || sustained < 0.8 * asked;
    }

    /** This JVM, and the broker and influxd when they run as processes of their own. */
    private static Map<String, Long> processes(InfluxdProcess influxd) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("jvm", ProcessHandle.current().pid());
        ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("mosquitto"))
            .findFirst().ifPresent(p -> pids.put("mosquitto", p.pid()));
        pids.put("influxd", influxd.pid());
        return pids;
    }

    /** The processes of the run other than this JVM, whose threads the CPU budget reads one by one. */
    static Map<String, Long> servers(Map<String, Long> pids) {
        Map<String, Long> servers = new LinkedHashMap<>(pids);
        servers.remove("jvm");
        return servers;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e);
        }
    }
}
