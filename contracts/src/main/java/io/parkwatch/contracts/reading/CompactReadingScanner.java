package io.parkwatch.contracts.reading;

import com.fasterxml.jackson.core.io.NumberInput;
import io.parkwatch.contracts.json.IsoInstantDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The fastest path for readings: a scan of the compact form the contract serde writes (no
 * whitespace, ASCII strings without escapes, plain JSON numbers, each known field at most once,
 * no position). Anything else, however valid, answers null and is left to the streaming reader:
 * a record this scanner reads is one that Jackson would read to the same reading. The names of
 * parks, enterprises, points, metrics and units repeat in almost every record, so the scanner
 * hands out one shared string per name instead of a new one per record.
 */
final class CompactReadingScanner {

    private static final byte[][] NAMES = names("messageId", "park", "enterprise", "point", "domain", "metric",
        "value", "position", "unit", "observedAt", "receivedAt", "quality", "sourceFormat");
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final Domain[] DOMAINS = Domain.values();
    private static final Quality[] QUALITIES = Quality.values();
    private static final SourceFormat[] FORMATS = SourceFormat.values();
    /** Longest integer read as a long: 18 digits never overflow. */
    private static final int LONG_DIGITS = 18;
    /** Decimals of at most this many digits have an exact double mantissa (below 2^53). */
    private static final int EXACT_DIGITS = 15;
    /** The powers of ten that doubles hold exactly. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final NameCache names = new NameCache();

    /** The reading, or null when the bytes are not in the compact form (or not a valid reading). */
    Reading read(byte[] json) {
        try {
            return new Scan(json).scan();
        } catch (RuntimeException e) {
            // Not this scanner's form, or refused by Reading's constructor: the slower readers decide.
            return null;
        }
    }

    private static byte[][] names(String... names) {
        return Arrays.stream(names).map(name -> name.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    /** Thrown (without a stack) wherever the input leaves the compact form. */
    private static final class NotCompact extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private static final NotCompact INSTANCE = new NotCompact();

        private NotCompact() {
            super(null, null, false, false);
        }
    }

    private final class Scan extends ReadingFields {

        private final byte[] json;
        private int at;
        private int seen;
        private int last = -1;

        Scan(byte[] json) {
            this.json = json;
        }

        Reading scan() {
            expect('{');
            if (peek() != '}') {
                do {
                    field(name());
                } while (next() == ',');
                at--;
            }
            expect('}');
            if (at != json.length) {
                throw NotCompact.INSTANCE;
            }
            return reading();
        }

        /**
         * The index of the field name at {@code at} among {@link #NAMES}, consuming it and the
         * colon. The serde writes the fields in that order, so the one after the last is tried first.
         */
        private int name() {
            int start = string();
            int end = at - 1;
            expect(':');
            int expected = last + 1;
            int name = expected < NAMES.length && isName(expected, start, end) ? expected : -1;
            for (int n = 0; name < 0 && n < NAMES.length; n++) {
                if (isName(n, start, end)) {
                    name = n;
                }
            }
            if (name < 0 || (seen & 1 << name) != 0) {
                throw NotCompact.INSTANCE;
            }
            seen |= 1 << name;
            last = name;
            return name;
        }

        private boolean isName(int n, int start, int end) {
            return regionEquals(json, start, end, NAMES[n]);
        }

        private void field(int name) {
            if (isNull()) {
                return;
            }
            switch (name) {
                case 0 -> messageId = text();
                case 1 -> park = shared();
                case 2 -> enterprise = shared();
                case 3 -> point = shared();
                case 4 -> domain = constant(DOMAINS);
                case 5 -> metric = shared();
                case 6 -> value = number();
                case 8 -> unit = shared();
                case 9 -> observedAt = instant();
                case 10 -> receivedAt = instant();
                case 11 -> quality = constant(QUALITIES);
                case 12 -> sourceFormat = constant(FORMATS);
                default -> throw NotCompact.INSTANCE;
            }
        }

        private boolean isNull() {
            if (peek() == 'n' && regionEquals(json, at, Math.min(json.length, at + NULL.length), NULL)) {
                at += NULL.length;
                return true;
            }
            return false;
        }

        /** Skips a string of printable ASCII without escapes; returns where its content starts. */
        private int string() {
            expect('"');
            int start = at;
            while (true) {
                byte b = byteAt(at++);
                if (b == '"') {
                    return start;
                }
                if (b < 0x20 || b == '\\' || b > 0x7e) {
                    throw NotCompact.INSTANCE;
                }
            }
        }

        private String text() {
            int start = string();
            return new String(json, start, at - 1 - start, StandardCharsets.ISO_8859_1);
        }

        private String shared() {
            int start = string();
            return names.get(json, start, at - 1);
        }

        private <E extends Enum<E>> E constant(E[] constants) {
            int start = string();
            for (E constant : constants) {
                if (matches(constant.name(), json, start, at - 1)) {
                    return constant;
                }
            }
            throw NotCompact.INSTANCE;
        }

        private Instant instant() {
            int start = string();
            Instant instant = IsoInstantDeserializer.parse(new AsciiView(json, start, at - 1));
            if (instant == null) {
                throw NotCompact.INSTANCE;
            }
            return instant;
        }

        /**
         * A JSON number as Jackson reads it into a Double: integers through a long (so {@code -0}
         * is 0.0), the rest correctly rounded; long integers and non-finite values are left to Jackson.
         * A decimal of at most 15 significant digits and 22 fraction digits, the common case, is
         * one exact division (both operands are exact doubles, so the quotient is correctly
         * rounded, as Clinger's fast path); any other decimal goes through Jackson's parser.
         */
        private Double number() {
            int start = at;
            boolean negative = peek() == '-';
            if (negative) {
                at++;
            }
            int intStart = at;
            long mantissa = digits(0);
            int intDigits = at - intStart;
            if (intDigits == 0 || json[intStart] == '0' && intDigits > 1) {
                throw NotCompact.INSTANCE;
            }
            if (at < json.length && json[at] == '.') {
                at++;
                int fractionStart = at;
                mantissa = digits(mantissa);
                int fractionDigits = at - fractionStart;
                if (fractionDigits == 0) {
                    throw NotCompact.INSTANCE;
                }
                if (!isExponent() && intDigits + fractionDigits <= EXACT_DIGITS && fractionDigits < POWERS_OF_TEN.length) {
                    double quotient = mantissa / POWERS_OF_TEN[fractionDigits];
                    return negative ? -quotient : quotient;
                }
            } else if (!isExponent()) {
                if (intDigits > LONG_DIGITS) {
                    throw NotCompact.INSTANCE;
                }
                return (double) (negative ? -mantissa : mantissa);
            }
            if (isExponent()) {
                at++;
                if (at < json.length && (json[at] == '+' || json[at] == '-')) {
                    at++;
                }
                int exponentStart = at;
                digits(0);
                if (at == exponentStart) {
                    throw NotCompact.INSTANCE;
                }
            }
            double parsed = NumberInput.parseDouble(new String(json, start, at - start, StandardCharsets.ISO_8859_1), true);
            if (!Double.isFinite(parsed)) {
                throw NotCompact.INSTANCE;
            }
            return parsed;
        }

        private boolean isExponent() {
            return at < json.length && (json[at] == 'e' || json[at] == 'E');
        }

        /** Consumes digits, returning them appended to {@code value} (meaningful for at most 18 digits in all). */
        private long digits(long value) {
            long result = value;
            while (at < json.length) {
                int digit = json[at] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                result = result * 10 + digit;
                at++;
            }
            return result;
        }

        private void expect(char c) {
            if (byteAt(at++) != c) {
                throw NotCompact.INSTANCE;
            }
        }

        private byte next() {
            return byteAt(at++);
        }

        private byte peek() {
            return byteAt(at);
        }

        private byte byteAt(int index) {
            if (index >= json.length) {
                throw NotCompact.INSTANCE;
            }
            return json[index];
        }
    }

    /** ASCII bytes seen as characters, without copying them into a string. */
    private record AsciiView(byte[] bytes, int from, int to) implements CharSequence {

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return (char) bytes[from + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new AsciiView(bytes, from + start, from + end);
        }

        @Override
        public String toString() {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    /** Whether {@code bytes[from, to)} is {@code expected}. */
    private static boolean regionEquals(byte[] bytes, int from, int to, byte[] expected) {
        return Arrays.equals(bytes, from, to, expected, 0, expected.length);
    }

    /** Whether {@code bytes[from, to)} are the ASCII characters of {@code text}. */
    private static boolean matches(String text, byte[] bytes, int from, int to) {
        if (text.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i - from) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Recently seen names by content, in a small direct-mapped table. Shared by threads without a
     * lock: a slot holds a whole immutable entry or another, and a miss only costs a new string.
     */
    private static final class NameCache {

        private record Entry(byte[] bytes, String text) {
        }

        private final Entry[] slots = new Entry[1024];

        String get(byte[] bytes, int from, int to) {
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + bytes[i];
            }
            int slot = (hash ^ hash >>> 16) & (slots.length - 1);
            Entry cached = slots[slot];
            if (cached != null && regionEquals(bytes, from, to, cached.bytes())) {
                return cached.text();
            }
            String name = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
            slots[slot] = new Entry(Arrays.copyOfRange(bytes, from, to), name);
            return name;
        }
    }
}
