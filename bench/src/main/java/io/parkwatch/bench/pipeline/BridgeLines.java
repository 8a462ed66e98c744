package io.parkwatch.bench.pipeline;

import io.parkwatch.contracts.influx.InfluxSchema;
import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.ingest.format.Observation;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The bridge's line protocol: one line per decoded observation, with the measurement, tags and
 * fields the sink writes (docs/influxdb.md), so that influxd gets the same series and the same
 * bytes per point from both. Tags and fields in key order, as the sink's points sort them.
 */
final class BridgeLines {

    private BridgeLines() {
    }

    /** Appends the observation's line (without a newline). */
    static void append(StringBuilder out, PointEntry point, Observation o) {
        Position position = o.position();
        escape(out, position != null ? InfluxSchema.POSITION : InfluxSchema.READING, false);
        tag(out, InfluxSchema.TAG_DOMAIN, point.module().domain().name());
        tag(out, InfluxSchema.TAG_ENTERPRISE, point.enterprise());
        tag(out, InfluxSchema.TAG_METRIC, o.metric());
        tag(out, InfluxSchema.TAG_PARK, point.park());
        tag(out, InfluxSchema.TAG_POINT, point.id());
        tag(out, InfluxSchema.TAG_QUALITY, o.quality().name());
        tag(out, InfluxSchema.TAG_UNIT, o.unit());
        out.append(' ');
        if (position != null) {
            out.append(InfluxSchema.FIELD_ALARM).append('=').append(position.alarmBits()).append("i,")
                .append(InfluxSchema.FIELD_ALTITUDE).append('=').append(position.altitudeMetres()).append("i,")
                .append(InfluxSchema.FIELD_HEADING).append('=').append(position.headingDegrees()).append("i,");
            number(out, InfluxSchema.FIELD_LATITUDE, position.latitude());
            number(out, InfluxSchema.FIELD_LONGITUDE, position.longitude());
        }
        out.append(InfluxSchema.FIELD_MESSAGE_ID).append("=\"");
        quoted(out, o.messageId());
        out.append('"');
        if (position != null) {
            out.append(',');
            number(out, InfluxSchema.FIELD_SPEED, position.speedKmh());
            out.append(InfluxSchema.FIELD_STATUS).append('=').append(position.statusBits()).append('i');
        }
        if (o.value() != null && Double.isFinite(o.value())) {
            out.append(',').append(InfluxSchema.FIELD_VALUE).append('=');
            decimal(out, o.value());
        }
        out.append(' ').append(nanos(o.observedAt()));
    }

    /** An absent or empty tag is left out, as line protocol has no empty tag value. */
    private static void tag(StringBuilder out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.append(',').append(key).append('=');
            escape(out, value, true);
        }
    }

    private static void number(StringBuilder out, String key, double value) {
        out.append(key).append('=');
        decimal(out, value);
        out.append(',');
    }

    /**
     * A float as the sink's client writes it: the shortest decimal that reads back as the value,
     * without an exponent, with at least one fractional digit.
     */
    private static void decimal(StringBuilder out, double value) {
        String text = Double.toString(value);
        if (text.indexOf('E') < 0) {
            out.append(text);
            return;
        }
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        out.append(plain).append(plain.indexOf('.') < 0 ? ".0" : "");
    }

    /** Commas and spaces everywhere; equals signs too in tag keys and values. */
    private static void escape(StringBuilder out, String text, boolean tag) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ' ' || tag && c == '=') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static void quoted(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
