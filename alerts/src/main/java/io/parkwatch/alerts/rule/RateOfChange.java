package io.parkwatch.alerts.rule;

import java.time.Duration;
import java.util.Objects;

/**
 * Judges the change between consecutive readings of a metric, scaled to {@code per} (e.g. % LEL
 * per minute). Signed: a fall is negative, so falls are caught with {@code below} levels.
 */
public record RateOfChange(Duration per) {

    public RateOfChange {
        Objects.requireNonNull(per, "per is required");
        if (per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("rate 'per' must be positive");
        }
    }

    /** The rate, or NaN when the two readings share an instant. */
    public double rate(double previous, long previousMillis, double current, long currentMillis) {
        long elapsed = currentMillis - previousMillis;
        if (elapsed <= 0) {
            return Double.NaN;
        }
        return (current - previous) * per.toMillis() / elapsed;
    }
}
