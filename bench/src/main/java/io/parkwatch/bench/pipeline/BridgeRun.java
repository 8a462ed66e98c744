package io.parkwatch.bench.pipeline;

import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.infra.mqtt.ParkAccounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The bridge baseline: with the pipeline stopped, {@link MqttInfluxBridge} takes the gateway's
 * place on the same broker, with the gateway's account and shared subscription, and writes into
 * database {@value #DATABASE} of the same influxd; publishers of their own send the same load at
 * the rates of the pipeline's steps, after the same warm-up, each step measured as the
 * pipeline's are (readings counted in InfluxDB ÷ time to the last increase).
 */
final class BridgeRun {

    static final String DATABASE = "bench_bridge";

    private final PipelineSettings settings;
    private final ProcessStats stats;
    private final StageBudget budget;

    BridgeRun(PipelineSettings settings, ProcessStats stats, StageBudget budget) {
        this.settings = settings;
        this.stats = stats;
        this.budget = budget;
    }

    /** The steps at {@code rates} (those the pipeline ran); fewer when one falls behind, unless --keep-going. */
    List<BridgeStep> run(String mqtt, String influxUrl, FieldLoad load, List<Integer> rates) throws Exception {
        List<BridgeStep> steps = new ArrayList<>();
        if (rates.isEmpty()) {
            return steps;
        }
        InfluxCount influx = new InfluxCount(influxUrl, DATABASE);
        try (MqttInfluxBridge bridge = MqttInfluxBridge.start(mqtt, FieldLoad.GATEWAY_USER, load.password(),
                 "$share/" + ParkAccounts.GATEWAY_GROUP + "/parks/#", RegistryView.of(load.registry().points()),
                 new BridgeWriter(influxUrl, DATABASE));
             Lanes lanes = Lanes.connect(mqtt, load, "bench-bridge-")) {
            ExecutorService threads = StepRunner.lanePool(lanes);
            try {
                // After the pipeline's steady warm-up this JVM is already compiled: one round warms the bridge.
                Duration warmUp = settings.steadyWarmUp() ? SteadyWarmUp.ROUND : settings.warmUp();
                if (!warmUp.isZero()) {
                    System.out.println("  bridge warm-up: " + describe(step(lanes, threads, bridge, influx, rates.get(0),
                        warmUp)));
                }
                for (int rate : rates) {
                    BridgeStep step = step(lanes, threads, bridge, influx, rate, settings.step());
                    steps.add(step);
                    System.out.println("  " + describe(step));
                    System.out.print(StageBudget.table(step.budget(), "    "));
                    if (!settings.keepGoing() && PipelineBench.fellBehind(step.lost(), step.sustained(), step.asked())) {
                        System.out.println("  (the bridge fell behind or lost readings: higher steps skipped; "
                            + "--keep-going runs them)");
                        break;
                    }
                }
            } finally {
                threads.shutdownNow();
            }
            bridge.firstRejection().ifPresent(why -> System.out.println("  bridge: first refused payload: " + why));
            bridge.writer().firstFailure().ifPresent(why -> System.out.println("  bridge: first failed write: " + why));
        }
        return steps;
    }

    private BridgeStep step(Lanes lanes, ExecutorService threads, MqttInfluxBridge bridge, InfluxCount influx, int rate,
                            Duration duration) throws Exception {
        long sent0 = lanes.sent();
        long rejected0 = bridge.rejected();
        long failed0 = bridge.writer().failed();
        Map<String, ProcessStats.Sample> before = stats.sample();
        StageBudget.Mark cpu0 = budget.mark();
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        double sendSeconds = lanes.send(threads, rate, settings.readingsPerMessage(), start, duration);
        StageBudget.Cores cpu = budget.since(cpu0);
        long sent = lanes.sent() - sent0;
        InfluxCount.Landing landing = influx.awaitLanded(startMillis - 1000, sent,
            System.nanoTime() + settings.drain().toNanos());
        Map<String, ProcessStats.Usage> usage = ProcessStats.between(before, stats.sample());
        long landed = landing.count();
        double landedSeconds = (landing.lastIncreaseNanos() - start) / 1e9;
        double sustained = landed / Math.max(landedSeconds, sendSeconds);
        return new BridgeStep(rate, sent / sendSeconds, sustained, sent, landed,
            Math.max(0, sent - landed), bridge.rejected() - rejected0, bridge.writer().failed() - failed0, sendSeconds,
            landedSeconds, landed >= sent, usage, StageBudget.perReading(cpu.byStage(), sustained));
    }

    static String describe(BridgeStep s) {
        return String.format(Locale.ROOT, "bridge step %,d/s: offered %,.0f/s, sustained %,.0f/s into InfluxDB, "
            + "behind %d, refused payloads %d, failed points %d%s", s.asked(), s.offered(), s.sustained(), s.lost(),
            s.rejected(), s.failed(), s.drained() ? "" : " (NOT DRAINED)");
    }
}
