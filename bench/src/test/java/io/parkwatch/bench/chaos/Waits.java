package io.parkwatch.bench.chaos;

import io.parkwatch.bench.BenchLoad;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The run's waits for the pipeline to catch up with the load. */
final class Waits {

    private Waits() {
    }

    /** Waits until {@code done} holds or {@code patience} passed; the caller asserts what it needs. */
    static void until(BooleanSupplier done, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /**
     * The run's readings in InfluxDB once it holds {@code total} distinct message ids, or when
     * {@code patience} passed: the sinks may still be writing the backlog of the last kill.
     */
    static Map<String, Integer> influxHolds(String url, BenchLoad load, long sinceMillis, String run, long total,
                                            Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        String park = load.registeredPoints().get(0).park();
        Map<String, Integer> ids = InfluxIds.count(url, park, sinceMillis, run + "-");
        while (ids.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            ids = InfluxIds.count(url, park, sinceMillis, run + "-");
        }
        return ids;
    }
}
