package io.parkwatch.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one step: every lane sends its share of the asked rate for the step's duration; then the
 * step drains until InfluxDB holds every acknowledged reading (or the drain time is over) and
 * the RAISED alerts of its exceeding readings have arrived.
 */
final class StepRunner {

    /** The lanes of a run, by format, and what watches the pipeline's output. */
    record Rig(List<Lane> json, List<Lane> hj212, List<Lane> jt808, IdTally tally, AlertProbe alerts,
               InfluxCount influx, ProcessStats stats, Timeline timeline) {

        List<Lane> all() {
            List<Lane> all = new ArrayList<>(json);
            all.addAll(hj212);
            all.addAll(jt808);
            return all;
        }

        long sent() {
            return all().stream().mapToLong(Lane::readings).sum();
        }
    }

    private final Rig rig;
    private final PipelineSettings settings;
    private final ExecutorService threads;

    StepRunner(Rig rig, PipelineSettings settings) {
        this.rig = rig;
        this.settings = settings;
        this.threads = Executors.newFixedThreadPool(rig.all().size(), r -> new Thread(r, "bench-lane"));
    }

    StepResult run(int index, int rate, Duration duration) throws Exception {
        List<Lane> lanes = rig.all();
        long readings0 = rig.sent();
        long messages0 = lanes.stream().mapToLong(Lane::messages).sum();
        long failed0 = lanes.stream().mapToLong(Lane::failed).sum();
        long exceeding0 = lanes.stream().mapToLong(Lane::exceeding).sum();
        IdTally.Counts kafka0 = rig.tally().counts();
        int alerts0 = rig.alerts().count();
        Map<String, ProcessStats.Sample> before = rig.stats().sample();
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        rig.timeline().step(index);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        int rpm = settings.readingsPerMessage();
        start(running, rig.json(), rate * FieldLoad.JSON_SHARE / rpm, end);
        start(running, rig.hj212(), rate * FieldLoad.HJ212_SHARE / rpm, end);
        start(running, rig.jt808(), rate * FieldLoad.jt808Share() / FieldLoad.FRAME_READINGS, end);
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        rig.timeline().step(-1);
        long sent = rig.sent() - readings0;
        long expectedAlerts = lanes.stream().mapToLong(Lane::exceeding).sum() - exceeding0;
        long deadline = System.nanoTime() + settings.drain().toNanos();
        long landed = rig.influx().since(startMillis - 1000);
        long landedAt = System.nanoTime();
        while (landed < sent && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = rig.influx().since(startMillis - 1000);
            if (now != landed) {
                landed = now;
                landedAt = System.nanoTime();
            }
        }
        while (rig.alerts().count() - alerts0 < expectedAlerts && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Map<String, ProcessStats.Usage> usage = ProcessStats.between(before, rig.stats().sample());
        IdTally.Counts kafka = rig.tally().counts().minus(kafka0);
        double landedSeconds = (landedAt - start) / 1e9;
        return new StepResult(rate, sent / sendSeconds, landed / Math.max(landedSeconds, sendSeconds), sent,
            lanes.stream().mapToLong(Lane::messages).sum() - messages0,
            lanes.stream().mapToLong(Lane::failed).sum() - failed0, kafka.distinct(), kafka.duplicates(), landed,
            Math.max(0, sent - landed), expectedAlerts, latency(rig.alerts().since(alerts0)), sendSeconds,
            landedSeconds, landed >= sent, usage);
    }

    private void start(List<CompletableFuture<Void>> running, List<Lane> lanes, double formatRate, long end) {
        double each = formatRate / lanes.size();
        for (Lane lane : lanes) {
            running.add(CompletableFuture.runAsync(() -> {
                try {
                    lane.run(each, end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("lane interrupted", e);
                }
            }, threads));
        }
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
