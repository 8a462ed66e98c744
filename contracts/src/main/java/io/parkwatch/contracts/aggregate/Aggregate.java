package io.parkwatch.contracts.aggregate;

import io.parkwatch.contracts.reading.Domain;
import java.time.Instant;
import java.util.Objects;

/**
 * Statistics of one metric at one point over one event-time window. Emitted on every update
 * of the window; the same window overwrites itself downstream, so updates are harmless.
 *
 * @param window    the window's name, e.g. {@code 1m} or {@code 1h}
 * @param goodCount values with quality N among {@code count}
 */
public record Aggregate(
        String park,
        String enterprise,
        String point,
        Domain domain,
        String metric,
        String unit,
        String window,
        Instant windowStart,
        Instant windowEnd,
        long count,
        long goodCount,
        double sum,
        double min,
        double max) {

    public Aggregate {
        Objects.requireNonNull(park, "park is required");
        Objects.requireNonNull(enterprise, "enterprise is required");
        Objects.requireNonNull(point, "point is required");
        Objects.requireNonNull(metric, "metric is required");
        Objects.requireNonNull(window, "window is required");
        Objects.requireNonNull(windowStart, "windowStart is required");
        Objects.requireNonNull(windowEnd, "windowEnd is required");
        if (count < 1 || goodCount < 0 || goodCount > count) {
            throw new IllegalArgumentException("counts out of range: count=" + count + " good=" + goodCount);
        }
    }

    public double mean() {
        return sum / count;
    }

    /** Share of good-quality values, 0..1. */
    public double goodShare() {
        return (double) goodCount / count;
    }
}
