package io.parkwatch.bench.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one step: every lane sends its share of the asked rate for the step's duration; then the
 * step drains until InfluxDB holds every acknowledged reading (or the drain time is over) and
 * the RAISED alerts of its exceeding readings have arrived.
 */
final class StepRunner {

    /** The lanes of a run and what watches the pipeline's output. */
    record Rig(Lanes lanes, IdTally tally, AlertProbe alerts, InfluxCount influx, ProcessStats stats,
               Timeline timeline, StageBudget budget) {

        long sent() {
            return lanes.sent();
        }
    }

    private final Rig rig;
    private final PipelineSettings settings;
    private final ExecutorService threads;
    private List<String> unclassified = List.of();

    StepRunner(Rig rig, PipelineSettings settings) {
        this.rig = rig;
        this.settings = settings;
        this.threads = lanePool(rig.lanes());
    }

    /** One thread per lane: each paces its own sends. */
    static ExecutorService lanePool(Lanes lanes) {
        return Executors.newFixedThreadPool(lanes.all().size(), r -> new Thread(r, "bench-lane"));
    }

    StepResult run(int index, int rate, Duration duration) throws Exception {
        Lanes lanes = rig.lanes();
        long readings0 = lanes.sent();
        long messages0 = lanes.messages();
        long failed0 = lanes.failed();
        long exceeding0 = lanes.exceeding();
        IdTally.Counts kafka0 = rig.tally().counts();
        int alerts0 = rig.alerts().count();
        Map<String, ProcessStats.Sample> before = rig.stats().sample();
        StageBudget.Mark cpu0 = rig.budget().mark();
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        rig.timeline().step(index);
        double sendSeconds = lanes.send(threads, rate, settings.readingsPerMessage(), start, duration);
        StageBudget.Cores cpu = rig.budget().since(cpu0);
        unclassified = cpu.unclassified();
        rig.timeline().step(-1);
        long sent = lanes.sent() - readings0;
        long expectedAlerts = lanes.exceeding() - exceeding0;
        long deadline = System.nanoTime() + settings.drain().toNanos();
        InfluxCount.Landing landing = rig.influx().awaitLanded(startMillis - 1000, sent, deadline);
        long landed = landing.count();
        while (rig.alerts().count() - alerts0 < expectedAlerts && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Map<String, ProcessStats.Usage> usage = ProcessStats.between(before, rig.stats().sample());
        IdTally.Counts kafka = rig.tally().counts().minus(kafka0);
        double landedSeconds = (landing.lastIncreaseNanos() - start) / 1e9;
        double sustained = landed / Math.max(landedSeconds, sendSeconds);
        return new StepResult(rate, sent / sendSeconds, sustained, sent,
            lanes.messages() - messages0, lanes.failed() - failed0, kafka.distinct(), kafka.duplicates(), landed,
            Math.max(0, sent - landed), expectedAlerts, latency(rig.alerts().since(alerts0)), sendSeconds,
            landedSeconds, landed >= sent, usage, StageBudget.perReading(cpu.byStage(), sustained));
    }

    /** The busiest threads no {@link ThreadStage} rule knew during the last step's sending, for refining them. */
    List<String> unclassified() {
        return unclassified;
    }

    static StepResult.Latency latency(List<AlertProbe.Sample> samples) {
        double[] millis = samples.stream().mapToDouble(AlertProbe.Sample::latencyMillis).sorted().toArray();
        return new StepResult.Latency(millis.length, quantile(millis, 0.5), quantile(millis, 0.99),
            millis.length == 0 ? Double.NaN : millis[millis.length - 1]);
    }

    /** Nearest rank of sorted samples. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String describe(StepResult r) {
        return String.format(Locale.ROOT, "step %,d/s: offered %,.0f/s, sustained %,.0f/s end to end, behind %d, "
            + "duplicates %d, alerts %d/%d, p50 %.0f ms, p99 %.0f ms%s", r.asked(), r.offered(), r.sustained(),
            r.lost(), r.duplicates(), r.alertLatency().count(), r.alertsExpected(), r.alertLatency().p50(),
            r.alertLatency().p99(), r.drained() ? "" : " (NOT DRAINED)");
    }

    void close() {
        threads.shutdownNow();
    }
}
