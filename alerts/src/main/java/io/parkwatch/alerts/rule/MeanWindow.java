package io.parkwatch.alerts.rule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * An event-time tumbling window whose mean is judged once, when it closes: {@code grace} after
 * its end (in stream time). A mean is judged only when at least {@code minValidShare} of its
 * values are normal (HJ 212: 75 % for flue gas); abnormal values never enter the mean.
 *
 * @param zone null for windows aligned on the epoch (hours); for a one-day window, the zone whose
 *             calendar days are the windows (a permit's daily mean runs midnight to midnight local
 *             time, not UTC)
 */
public record MeanWindow(Duration size, Duration grace, double minValidShare, ZoneId zone) {

    public MeanWindow {
        Objects.requireNonNull(size, "size is required");
        Objects.requireNonNull(grace, "grace is required");
        if (size.isZero() || size.isNegative() || grace.isNegative()) {
            throw new IllegalArgumentException("window size must be positive and grace >= 0");
        }
        if (minValidShare < 0 || minValidShare > 1) {
            throw new IllegalArgumentException("minValidShare must be between 0 and 1: " + minValidShare);
        }
        if (zone != null && !size.equals(Duration.ofDays(1))) {
            throw new IllegalArgumentException("a window zone needs a size of 1d (calendar days), got " + size);
        }
    }

    public MeanWindow(Duration size, Duration grace, double minValidShare) {
        this(size, grace, minValidShare, null);
    }

    public long startOf(long eventMillis) {
        if (zone != null) {
            return LocalDate.ofInstant(Instant.ofEpochMilli(eventMillis), zone).atStartOfDay(zone).toInstant()
                .toEpochMilli();
        }
        return Math.floorDiv(eventMillis, size.toMillis()) * size.toMillis();
    }

    public long closeAt(long startMillis) {
        if (zone != null) {
            long end = LocalDate.ofInstant(Instant.ofEpochMilli(startMillis), zone).plusDays(1).atStartOfDay(zone)
                .toInstant().toEpochMilli();
            return end + grace.toMillis();
        }
        return startMillis + size.toMillis() + grace.toMillis();
    }
}
