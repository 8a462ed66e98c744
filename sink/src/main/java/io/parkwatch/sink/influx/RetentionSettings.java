package io.parkwatch.sink.influx;

import io.parkwatch.contracts.influx.InfluxSchema;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern DURATION = Pattern.compile("(\\d+)([hdw])");
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

    /** {@code 72h}, {@code 30d}, {@code 52w} or {@code INF}; an error names {@code key}. */
    public static Duration parse(String key, String given) {
        String value = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        if (value.equals("inf")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(key + " must be a duration such as 72h, 30d, 52w or INF, got \""
                + given + "\"");
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount == 0) {
            // Zero would mean "forever" to InfluxDB; say INF for that.
            throw new IllegalArgumentException(key + " must be at least 1h (InfluxDB's minimum) or INF, got \""
                + given + "\"");
        }
        Duration duration = switch (matcher.group(2)) {
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
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
