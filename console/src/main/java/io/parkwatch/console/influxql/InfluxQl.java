package io.parkwatch.console.influxql;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Quoting for InfluxQL text built from validated parameters. Escapes what InfluxDB's scanner
 * reads inside quotes: backslash, the quote itself and newline (a raw newline ends a quoted
 * token with "bad string"), so any value stays one token whatever validation let through.
 */
public final class InfluxQl {

    private InfluxQl() {
    }

    /** A double-quoted identifier. */
    public static String identifier(String name) {
        return "\"" + escape(name).replace("\"", "\\\"") + "\"";
    }

    /** A single-quoted string literal. */
    public static String literal(String value) {
        return "'" + escape(value).replace("'", "\\'") + "'";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** {@code "tag" = 'value'}. */
    public static String tagEquals(String tag, String value) {
        return identifier(tag) + " = " + literal(value);
    }

    /** {@code ("tag" = 'a' OR "tag" = 'b')}. */
    public static String tagIn(String tag, List<String> values) {
        return values.stream().map(value -> tagEquals(tag, value)).collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** {@code time >= 'from' AND time < 'to'}: a half-open range. */
    public static String timeRange(Instant from, Instant to) {
        return "time >= " + literal(from.toString()) + " AND time < " + literal(to.toString());
    }

    public static String tz(ZoneId zone) {
        return "tz(" + literal(zone.getId()) + ")";
    }
}
