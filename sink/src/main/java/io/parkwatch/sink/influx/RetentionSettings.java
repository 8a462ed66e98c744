package io.parkwatch.sink.influx;

import io.parkwatch.contracts.duration.Durations;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long InfluxDB 1.x keeps each kind of data: raw points (readings, positions, coverage,
 * alerts) in the default policy {@code raw}, 1-minute aggregates in {@code agg_1m}, 1-hour
 * aggregates in {@code agg_1h}. {@link Duration#ZERO} keeps data forever.
 */
public record RetentionSettings(Duration raw, Duration minuteAggregates, Duration hourAggregates) {

    /** Aggregate windows and their retention policies; every other point goes to the default one. */
    private static final Map<String, String> POLICY_OF_WINDOW =
        Map.of("1m", InfluxSchema.RP_AGGREGATE_1M, "1h", InfluxSchema.RP_AGGREGATE_1H);

    public static final String RAW_KEY = "--retention-raw";
    public static final String MINUTE_KEY = "--retention-1m";
    public static final String HOUR_KEY = "--retention-1h";

    /** InfluxDB refuses policies shorter than an hour. */
    private static final Duration MINIMUM = Duration.ofHours(1);

    public RetentionSettings {
        check(RAW_KEY, raw);
        check(MINUTE_KEY, minuteAggregates);
        check(HOUR_KEY, hourAggregates);
    }

    /** Raw data 30 days, minute aggregates 90 days, hourly aggregates forever. */
    public static RetentionSettings defaults() {
        return new RetentionSettings(Duration.ofDays(30), Duration.ofDays(90), Duration.ZERO);
    }

    private static void check(String key, Duration duration) {
        if (duration == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        if (!duration.isZero() && duration.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException(key + " must be at least 1h (InfluxDB's minimum) or INF, got "
                + duration);
        }
    }

    /**
     * {@code INF}, or a duration in the shared grammar of {@link Durations} ({@code 72h}, {@code 30d},
     * {@code 52w}, {@code P30D}) of at least an hour; an error names {@code key}.
     */
    public static Duration parse(String key, String given) {
        if (given != null && given.strip().equalsIgnoreCase("inf")) {
            return Duration.ZERO;
        }
        Duration duration;
        try {
            duration = Durations.parse(given);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 72h, 30d, 52w or INF: "
                + e.getMessage(), e);
        }
        if (duration.isZero() || duration.isNegative()) {
            // Zero would mean "forever" to InfluxDB; say INF for that.
            throw new IllegalArgumentException(key + " must be at least 1h (InfluxDB's minimum) or INF, got \""
                + given + "\"");
        }
        check(key, duration);
        return duration;
    }

    /** The policies to ensure at start; {@code raw} becomes the database's default. */
    public List<RetentionPolicySpec> policies() {
        return List.of(
            RetentionPolicySpec.of(InfluxSchema.RP_RAW, raw, true),
            RetentionPolicySpec.of(InfluxSchema.RP_AGGREGATE_1M, minuteAggregates, false),
            RetentionPolicySpec.of(InfluxSchema.RP_AGGREGATE_1H, hourAggregates, false));
    }

    /** The policy of a point by its {@code window} tag; empty for the default policy. */
    public static Optional<String> policyOfWindow(String window) {
        return window == null ? Optional.empty() : Optional.ofNullable(POLICY_OF_WINDOW.get(window));
    }
}
