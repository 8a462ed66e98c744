package io.parkwatch.bench.fuzz;

import io.parkwatch.simulator.wire.Jt808Encoder;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Malformed JT/T 808 frames: flags, escapes, check codes, the header's length and flags, BCD
 * fields and bodies; most with a correct check code, so that the damage inside is what is read.
 */
final class Jt808Fuzzer {

    private static final int LOCATION = Jt808Encoder.LOCATION_REPORT;
    private static final int BATCH = Jt808Encoder.BATCH_LOCATION_UPLOAD;
    private static final byte[][] BAD_ESCAPES = {{0x7D, 0x00}, {0x7D, 0x03}, {0x7D, 0x7D}, {0x7D}, {0x7D, (byte) 0xFF}};

    private final FuzzPark park;
    private final long now;

    Jt808Fuzzer(FuzzPark park, long nowMillis) {
        this.park = park;
        this.now = nowMillis;
    }

    FuzzCase next(Random random) {
        int kind = random.nextInt(16);
        byte[] body = body(random);
        return switch (kind) {
            case 0 -> of("truncated", RawMutations.truncated(random, valid(body)), false);
            case 1 -> of("flipped-byte", RawMutations.flipped(random, valid(body)), true);
            case 2 -> of("binary", RawMutations.noise(random, 512), false);
            case 3 -> of("oversized", RawMutations.oversized(random, valid(body)), false);
            case 4 -> of("check-code", Jt808Encoder.frameWithBadCheckCode(LOCATION, FuzzPark.TERMINAL, 1, body), false);
            case 5 -> of("escape", badEscape(random, valid(body)), false);
            case 6 -> of("flags", flags(random, valid(body)), false);
            case 7 -> of("length.attribute", frame(content(LOCATION, attribute(random, body.length), phone(), body)),
                false);
            case 8 -> of("body.short", frame(content(LOCATION, 0, phone(), Arrays.copyOf(body, random.nextInt(28)))),
                false);
            case 9 -> of("message-id", frame(content(RawMutations.pick(random, new Integer[] {0x0001, 0x0002, 0x0100,
                0x0102, 0x8001, 0xFFFF, 0x0000, 0x0201}), 0, phone(), body)), false);
            case 10 -> of("terminal", frame(content(LOCATION, 0, RawMutations.pick(random, new String[] {
                "013800000002", "AAAAAAAAAAAA", "FFFFFFFFFFFF", "000000000000"}), body)), false);
            case 11 -> of("time.bcd", frame(content(LOCATION, 0, phone(), badTime(random, body))), false);
            case 12 -> of("position.absurd", frame(content(LOCATION, 0, phone(), absurdPosition(random, body))), false);
            case 13 -> of("batch", frame(content(BATCH, 0, phone(), badBatch(random, body))), false);
            case 14 -> of("header.flags", frame(content(LOCATION, RawMutations.pick(random, new Integer[] {0x2000,
                0x0400, 0x4000 | 0x0400, 0x0800, 0x1000}), phone(), body)), false);
            default -> of("empty", RawMutations.pick(random, new byte[][] {{0x7E, 0x7E}, {0x7E}, {}, {0x7E, 0x00, 0x7E},
                {0x7E, 0x7D, 0x7E}}), false);
        };
    }

    private FuzzCase of(String mutation, byte[] payload, boolean mayBeValid) {
        return new FuzzCase(FuzzFormat.JT808, "jt808." + mutation, park.topic(FuzzFormat.JT808), payload, mayBeValid);
    }

    private byte[] body(Random random) {
        return Jt808Encoder.locationBody(new Jt808Encoder.Fix(39.6 + random.nextDouble() / 100, 109.8, 1300, 36.5, 90,
            0, 1000, Instant.ofEpochMilli(now)));
    }

    private static byte[] valid(byte[] body) {
        return Jt808Encoder.frame(LOCATION, FuzzPark.TERMINAL, 1, body);
    }

    private static String phone() {
        return FuzzPark.TERMINAL;
    }

    /** Header: id, attribute (extra bits or-ed onto the body length, or a length of its own when non-zero), BCD phone, serial. */
    private static byte[] content(int messageId, int attribute, String phone, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        word(out, messageId);
        word(out, attribute >= 0x0400 ? attribute | body.length : attribute == 0 ? body.length : attribute);
        out.writeBytes(bcd(phone));
        word(out, 7);
        if ((attribute & 0x2000) != 0) {
            // The split bit promises a packet count and number; give absurd ones.
            word(out, 0);
            word(out, 5);
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] bcd(String phone) {
        try {
            return HexFormat.of().parseHex(phone);
        } catch (IllegalArgumentException e) {
            return new byte[] {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA};
        }
    }

    /** A body length in the header that is not the body's: longer, shorter, or the 10-bit maximum. */
    private static int attribute(Random random, int actual) {
        int length = RawMutations.pick(random, new Integer[] {actual + 1, actual - 1, 0x3FF, 1, actual + 200});
        return Math.max(1, length) & 0x3FF;
    }

    private static byte[] frame(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x7E);
        int check = 0;
        for (byte b : content) {
            check ^= b & 0xFF;
            escaped(out, b & 0xFF);
        }
        escaped(out, check);
        out.write(0x7E);
        return out.toByteArray();
    }

    private static void escaped(ByteArrayOutputStream out, int value) {
        if (value == 0x7E || value == 0x7D) {
            out.write(0x7D);
            out.write(value == 0x7E ? 0x02 : 0x01);
        } else {
            out.write(value);
        }
    }

    private static byte[] badEscape(Random random, byte[] frame) {
        byte[] escape = RawMutations.pick(random, BAD_ESCAPES);
        int at = 1 + random.nextInt(frame.length - 2);
        byte[] out = new byte[frame.length + escape.length];
        System.arraycopy(frame, 0, out, 0, at);
        System.arraycopy(escape, 0, out, at, escape.length);
        System.arraycopy(frame, at, out, at + escape.length, frame.length - at);
        return out;
    }

    private static byte[] flags(Random random, byte[] frame) {
        return switch (random.nextInt(4)) {
            case 0 -> Jt808Encoder.withoutStartFlag(frame);
            case 1 -> Arrays.copyOf(frame, frame.length - 1);
            case 2 -> Arrays.copyOfRange(frame, 1, frame.length - 1);
            default -> {
                byte[] doubled = Arrays.copyOf(frame, frame.length * 2);
                System.arraycopy(frame, 0, doubled, frame.length, frame.length);
                yield doubled;
            }
        };
    }

    /** The BCD time (bytes 22..27 of the body) made impossible: month 13, hex digits, all 0xFF. */
    private static byte[] badTime(Random random, byte[] body) {
        byte[] copy = body.clone();
        byte[][] times = {{0x26, 0x13, 0x01, 0x00, 0x00, 0x00}, {0x26, 0x02, 0x30, 0x00, 0x00, 0x00},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            {0x26, 0x01, 0x01, 0x25, 0x61, 0x61}, {0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F}};
        System.arraycopy(RawMutations.pick(random, times), 0, copy, 22, 6);
        return copy;
    }

    /** Latitude (bytes 8..11) or longitude (12..15) past 90° or 180°. */
    private static byte[] absurdPosition(Random random, byte[] body) {
        byte[] copy = body.clone();
        long value = random.nextBoolean() ? 95_000_000L + random.nextInt(1_000_000_000) : 0xFFFFFFFFL;
        int at = random.nextBoolean() ? 8 : 12;
        if (at == 12) {
            value = Math.max(value, 181_000_000L);
        }
        for (int i = 0; i < 4; i++) {
            copy[at + i] = (byte) (value >> (24 - 8 * i));
        }
        return copy;
    }

    /** A 0x0704 body whose count or item lengths do not add up. */
    private static byte[] badBatch(Random random, byte[] location) {
        byte[] good = Jt808Encoder.batchBody(List.of(location, location));
        byte[] bad = good.clone();
        switch (random.nextInt(3)) {
            case 0 -> bad[1] = (byte) (3 + random.nextInt(200));
            case 1 -> bad[3] = (byte) 0x7F;
            default -> {
                return Arrays.copyOf(good, 3 + random.nextInt(good.length - 4));
            }
        }
        return bad;
    }

    private static void word(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }
}
