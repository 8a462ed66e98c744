package io.parkwatch.contracts.permit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The periods emission standards state their limits on: hourly means (flue gas, e.g. GB 13223-2011)
 * and daily means (waste water, e.g. GB 8978-1996). Days are calendar days of the park's time zone.
 */
public enum AveragingPeriod {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration length;

    AveragingPeriod(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The name in permit files: {@code hour}, {@code day}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AveragingPeriod> of(String wireName) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(wireName)).findFirst();
    }
}
