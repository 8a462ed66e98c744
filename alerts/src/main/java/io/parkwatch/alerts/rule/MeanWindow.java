package io.parkwatch.alerts.rule;

import java.time.Duration;
import java.util.Objects;

/**
 * An event-time tumbling window whose mean is judged once, when it closes: {@code grace} after
 * its end (in stream time). A mean is judged only when at least {@code minValidShare} of its
 * values are normal (HJ 212: 75 % for flue gas); abnormal values never enter the mean.
 */
public record MeanWindow(Duration size, Duration grace, double minValidShare) {

    public MeanWindow {
        Objects.requireNonNull(size, "size is required");
        Objects.requireNonNull(grace, "grace is required");
        if (size.isZero() || size.isNegative() || grace.isNegative()) {
            throw new IllegalArgumentException("window size must be positive and grace >= 0");
        }
        if (minValidShare < 0 || minValidShare > 1) {
            throw new IllegalArgumentException("minValidShare must be between 0 and 1: " + minValidShare);
        }
    }

    public long startOf(long eventMillis) {
        return Math.floorDiv(eventMillis, size.toMillis()) * size.toMillis();
    }

    public long closeAt(long startMillis) {
        return startMillis + size.toMillis() + grace.toMillis();
    }
}
