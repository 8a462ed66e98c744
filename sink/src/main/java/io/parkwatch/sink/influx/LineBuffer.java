package io.parkwatch.sink.influx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer of line protocol in UTF-8: the batch body is written here once, instead
 * of into a {@code StringBuilder} that is then copied to a string and encoded to bytes again.
 */
final class LineBuffer {

    private byte[] bytes;
    private int length;

    LineBuffer(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    int length() {
        return length;
    }

    /** Drops everything written after {@code length}. */
    void truncate(int newLength) {
        length = newLength;
    }

    /** Appends an ASCII character. */
    void append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
    }

    /** Appends {@code text} as UTF-8, as {@code String.getBytes(UTF_8)} encodes it. */
    void appendUtf8(String text) {
        if (!appendAscii(text, 0, text.length())) {
            byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
            ensure(encoded.length);
            System.arraycopy(encoded, 0, bytes, length, encoded.length);
            length += encoded.length;
        }
    }

    /** Appends {@code text[from, to)} if it is all ASCII; false (and nothing appended) otherwise. */
    boolean appendAscii(String text, int from, int to) {
        ensure(to - from);
        int at = length;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            bytes[at++] = (byte) c;
        }
        length = at;
        return true;
    }

    /** Appends the decimal digits of {@code value}, as {@code Long.toString} writes them. */
    void appendLong(long value) {
        if (value == Long.MIN_VALUE) {
            appendUtf8(Long.toString(value));
            return;
        }
        long rest = value;
        if (rest < 0) {
            append('-');
            rest = -rest;
        }
        int digits = 1;
        for (long shorter = rest / 10; shorter > 0; shorter /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
    }

    /** Appends bytes as they are. */
    void append(byte[] more) {
        ensure(more.length);
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
    }

    /** The bytes written, in an array of their own. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
