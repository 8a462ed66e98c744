package io.parkwatch.sink.influx;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * InfluxDB 1.x durations: Go's format when reading ({@code 168h0m0s}), InfluxQL literals when writing.
 * This is InfluxDB's wire format, not a duration people type: {@code SHOW RETENTION POLICIES}
 * answers with Go's {@code time.Duration} text (compound parts, fractions, {@code ns}/{@code µs},
 * no days), so it is read here rather than by the shared grammar of
 * {@link io.parkwatch.contracts.duration.Durations}, which settings and files use.
 */
final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|h|m|s)");

    private GoDuration() {
    }

    static Duration parse(String text) {
        String value = text.strip();
        if (value.equals("0") || value.isEmpty()) {
            return Duration.ZERO;
        }
        Matcher matcher = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            BigDecimal amount = new BigDecimal(matcher.group(1));
            long nanosPerUnit = switch (matcher.group(2)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us", "µs" -> 1_000L;
                default -> 1L;
            };
            total = total.plusNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValueExact());
            end = matcher.end();
        }
        if (end != value.length()) {
            throw new IllegalArgumentException("not a Go duration: " + text);
        }
        return total;
    }

    /** An InfluxQL duration literal; zero means keep forever. */
    static String toInfluxQl(Duration duration) {
        if (duration.isZero()) {
            return "INF";
        }
        long seconds = duration.getSeconds();
        if (duration.getNano() != 0) {
            return duration.toMillis() + "ms";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
