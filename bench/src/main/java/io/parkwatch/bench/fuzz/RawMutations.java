package io.parkwatch.bench.fuzz;

import java.util.Arrays;
import java.util.Random;

/** Byte-level damage any format can suffer: cut, flipped, noise, padded past the gateway's cap. */
final class RawMutations {

    /** The gateway refuses payloads over 64 KiB unread; oversized ones go a little or far past it. */
    static final int CAP = 64 * 1024;

    private RawMutations() {
    }

    static byte[] truncated(Random random, byte[] valid) {
        return Arrays.copyOf(valid, random.nextInt(valid.length));
    }

    /** One byte replaced by another value (never the same one). */
    static byte[] flipped(Random random, byte[] valid) {
        byte[] copy = valid.clone();
        int at = random.nextInt(copy.length);
        copy[at] = (byte) (copy[at] ^ (1 + random.nextInt(255)));
        return copy;
    }

    static byte[] noise(Random random, int maxLength) {
        byte[] bytes = new byte[1 + random.nextInt(maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code valid} repeated until the payload is past the cap. */
    static byte[] oversized(Random random, byte[] valid) {
        int length = CAP + 1 + (random.nextBoolean() ? random.nextInt(16) : random.nextInt(4 * CAP));
        byte[] big = new byte[length];
        for (int i = 0; i < length; i++) {
            big[i] = valid[i % valid.length];
        }
        return big;
    }

    /** Bytes that are never valid UTF-8 spliced in at a random place. */
    static byte[] invalidUtf8(Random random, byte[] valid, int from, int to) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0,
            (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = from + random.nextInt(Math.max(1, to - from));
        byte[] out = new byte[valid.length + insert.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(valid, at, out, at + insert.length, valid.length - at);
        return out;
    }

    static String digits(Random random, int count) {
        StringBuilder text = new StringBuilder(count).append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    static <T> T pick(Random random, T[] options) {
        return options[random.nextInt(options.length)];
    }
}
