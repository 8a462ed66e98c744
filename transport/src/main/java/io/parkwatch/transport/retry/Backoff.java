package io.parkwatch.transport.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off for a failed dependency (Kafka, InfluxDB): the delay doubles from
 * {@code initial} up to {@code max}. Retried forever by callers that must not lose data; they
 * apply back-pressure meanwhile instead of buffering without bound.
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

    public Backoff {
        Objects.requireNonNull(initial, "initial is required");
        Objects.requireNonNull(max, "max is required");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = initial.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
