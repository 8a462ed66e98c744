package io.parkwatch.sink.influx;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Appends a {@link Point} to a batch body as exactly the bytes of
 * {@code point.toLineProtocol(null, WritePrecision.NS)}, without its per-point costs (a
 * {@code DecimalFormat} per double, a builder and a string per line, escaping char by char).
 * {@code Point} stays the builder and the reference: whatever the fast path does not cover
 * (non-nanosecond or non-{@code Long} times, BigDecimal/Float values, doubles that
 * {@code Double.toString} writes with an exponent) is written by {@code Point} itself, and
 * {@code LineProtocolEncoderTest} proves the identity over hostile names and values.
 */
final class LineProtocolEncoder {

    /** Escaped measurement names (an equals sign stays as it is). */
    private static final EscapedTexts MEASUREMENTS = new EscapedTexts(false);
    /** Escaped tag keys, tag values and field keys. */
    private static final EscapedTexts TAGS = new EscapedTexts(true);

    /** Point has no getter for its measurement; read once per point, or fall back to Point. */
    private static final MethodHandle MEASUREMENT = measurementGetter();

    private LineProtocolEncoder() {
    }

    private static MethodHandle measurementGetter() {
        try {
            Field name = Point.class.getDeclaredField("name");
            name.setAccessible(true);
            return MethodHandles.lookup().unreflectGetter(name);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether lines are written here rather than by Point (a newer client may rename the field). */
    static boolean fast() {
        return MEASUREMENT != null;
    }

    /** Appends the point's line; false (and nothing appended) when it has no writable field. */
    static boolean append(LineBuffer body, Point point) {
        int start = body.length();
        if (!appendFast(body, point)) {
            body.truncate(start);
            String line = point.toLineProtocol(null, WritePrecision.NS);
            body.appendUtf8(line);
            return !line.isEmpty();
        }
        return true;
    }

    /** False when the fast path does not apply; the caller then undoes what was appended. */
    private static boolean appendFast(LineBuffer body, Point point) {
        Number time = point.getTime();
        boolean nanos = time == null || time instanceof Long && point.getPrecision() == WritePrecision.NS;
        if (MEASUREMENT == null || !nanos) {
            return false;
        }
        escape(body, measurement(point), false);
        // forEach walks Point's TreeMaps directly: no iterator and no wrapped entry per tag.
        point.getTags().forEach((key, value) -> {
            if (!key.isEmpty() && value != null && !value.isEmpty()) {
                body.append(',');
                escape(body, key, true);
                body.append('=');
                escape(body, value, true);
            }
        });
        body.append(' ');
        int fieldsStart = body.length();
        FieldAppender fields = new FieldAppender(body, fieldsStart);
        point.getFields().forEach(fields);
        if (!fields.fast) {
            return false;
        }
        if (body.length() == fieldsStart) {
            // No field: Point writes nothing at all for such a point; so does the fallback.
            return false;
        }
        if (time != null) {
            body.append(' ');
            body.appendLong(time.longValue());
        }
        return true;
    }

    /** Appends each finite field; {@code fast} turns false once a value needs Point's own formatting. */
    private static final class FieldAppender implements BiConsumer<String, Object> {

        private final LineBuffer body;
        private final int start;
        private boolean fast = true;

        FieldAppender(LineBuffer body, int start) {
            this.body = body;
            this.start = start;
        }

        @Override
        public void accept(String key, Object value) {
            if (!fast || value == null || value instanceof Double d && !Double.isFinite(d)) {
                return;
            }
            if (body.length() > start) {
                body.append(',');
            }
            escape(body, key, true);
            body.append('=');
            fast = appendValue(body, value);
        }
    }

    private static String measurement(Point point) {
        try {
            return (String) MEASUREMENT.invokeExact(point);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the point's measurement", e);
        }
    }

    private static boolean appendValue(LineBuffer body, Object value) {
        if (value instanceof Double d) {
            return appendDouble(body, d);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            body.appendLong(((Number) value).longValue());
            body.append('i');
        } else if (value instanceof String text) {
            body.append('"');
            escapeStringValue(body, text);
            body.append('"');
        } else if (value instanceof Boolean) {
            body.appendUtf8(value.toString());
        } else {
            return false;
        }
        return true;
    }

    /**
     * Point formats doubles with a {@code DecimalFormat} (English, no grouping, 1 to 340
     * fraction digits) over the same shortest digits as {@code Double.toString}; the two texts
     * agree wherever the latter has no exponent, once trailing fraction zeros are dropped as
     * DecimalFormat drops them. Zero keeps to Point (the sign of -0.0).
     */
    private static boolean appendDouble(LineBuffer body, double value) {
        if (value == 0) {
            return false;
        }
        String text = Double.toString(value);
        if (text.indexOf('E') >= 0) {
            return false;
        }
        int end = text.length();
        int point = text.indexOf('.');
        while (end > point + 2 && text.charAt(end - 1) == '0') {
            end--;
        }
        body.appendAscii(text, 0, end);
        return true;
    }

    /**
     * Point's escaping of measurement, tag and field names and of tag values. Names and tag values
     * repeat in almost every point, so short ones are escaped once and then copied; longer ones go
     * straight into the buffer as ASCII, anything else through a string (so its UTF-8 is
     * {@code String}'s own).
     */
    private static void escape(LineBuffer body, String text, boolean escapeEqual) {
        if (text.length() <= EscapedTexts.LONGEST) {
            body.append((escapeEqual ? TAGS : MEASUREMENTS).get(text));
            return;
        }
        int start = body.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                body.truncate(start);
                StringBuilder escaped = new StringBuilder(text.length() + 8);
                escape(escaped, text, escapeEqual);
                body.appendUtf8(escaped.toString());
                return;
            }
            appendEscaped(body, c, escapeEqual);
        }
    }

    /**
     * Recently escaped texts by content, in a small direct-mapped table. Shared by threads without
     * a lock: a slot holds a whole immutable entry or another, and a miss only costs escaping again.
     */
    private static final class EscapedTexts {

        /** Longer texts are escaped in place: a tag value that long is rarely one that repeats. */
        static final int LONGEST = 64;

        private record Entry(String text, byte[] escaped) {
        }

        private final Entry[] slots = new Entry[512];
        private final boolean escapeEqual;

        EscapedTexts(boolean escapeEqual) {
            this.escapeEqual = escapeEqual;
        }

        /** The text escaped, in UTF-8. */
        byte[] get(String text) {
            int hash = text.hashCode();
            int slot = (hash ^ hash >>> 16) & (slots.length - 1);
            Entry cached = slots[slot];
            if (cached != null && (cached.text() == text || cached.text().equals(text))) {
                return cached.escaped();
            }
            StringBuilder escaped = new StringBuilder(text.length() + 8);
            escape(escaped, text, escapeEqual);
            byte[] bytes = escaped.toString().getBytes(StandardCharsets.UTF_8);
            slots[slot] = new Entry(text, bytes);
            return bytes;
        }
    }

    private static void appendEscaped(LineBuffer body, char c, boolean escapeEqual) {
        switch (c) {
            case '\n' -> {
                body.append('\\');
                body.append('n');
            }
            case '\r' -> {
                body.append('\\');
                body.append('r');
            }
            case '\t' -> {
                body.append('\\');
                body.append('t');
            }
            case ' ', ',' -> {
                body.append('\\');
                body.append(c);
            }
            case '=' -> {
                if (escapeEqual) {
                    body.append('\\');
                }
                body.append(c);
            }
            default -> body.append(c);
        }
    }

    private static void escape(StringBuilder body, String text, boolean escapeEqual) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> body.append("\\n");
                case '\r' -> body.append("\\r");
                case '\t' -> body.append("\\t");
                case ' ', ',' -> body.append('\\').append(c);
                case '=' -> {
                    if (escapeEqual) {
                        body.append('\\');
                    }
                    body.append(c);
                }
                default -> body.append(c);
            }
        }
    }

    private static void escapeStringValue(LineBuffer body, String text) {
        int start = body.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                body.truncate(start);
                StringBuilder escaped = new StringBuilder(text.length() + 8);
                escapeStringValue(escaped, text);
                body.appendUtf8(escaped.toString());
                return;
            }
            if (c == '\\' || c == '"') {
                body.append('\\');
            }
            body.append(c);
        }
    }

    private static void escapeStringValue(StringBuilder body, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                body.append('\\');
            }
            body.append(c);
        }
    }
}
