package io.parkwatch.bench.fuzz;

import io.parkwatch.simulator.wire.Hj212Encoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Malformed HJ 212 packets: framing (CRC, length, header, size), header fields, CP fields and
 * values; most with a correct length and CRC, so that the damage inside is what is read.
 */
final class Hj212Fuzzer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String[] ABSURD = {"1e999", "-1e999", "NaN", "Infinity", "12a", "", "abc", "0x10", "1..2",
        "--1", "∞", "１２"};
    private static final String[] BAD_HEADER = {"CN=9999", "CN=", "CN=20110", "MN=", "MN=UNKNOWN00000001",
        "QN=2026", "QN=abcdefghijklmnopq", "Flag=x", "Flag=", "ST=", "PW=", "QN=1;QN=2", "CN=2011;CN=2051", "=",
        "MN=" + FuzzPark.MN + ";MN=OTHER000000001"};
    private static final String[] BAD_CP = {"a21026-Rtd", "a21026-Rtd=", "=35.2", "a21026-Xyz=1", "a21026-Flag=QQ",
        "zz9999-Rtd=1", "a21026-Rtd=1;a21026-Rtd=2", "DataTime=20261399999999",
        "DataTime=2026", "DataTime=abcdefghijklmn", "a21026-Rtd=1=2", "&&"};

    private final FuzzPark park;
    private final String dataTime;
    private final String qn;

    Hj212Fuzzer(FuzzPark park, long nowMillis) {
        this.park = park;
        LocalDateTime china = LocalDateTime.ofInstant(Instant.ofEpochMilli(nowMillis), ZoneOffset.ofHours(8));
        this.dataTime = TIME.format(china);
        this.qn = dataTime + "000";
    }

    FuzzCase next(Random random) {
        int kind = random.nextInt(15);
        return switch (kind) {
            // Cut into the CRC at least: a packet without its line end alone is valid (the line end is optional).
            case 0 -> of("truncated", RawMutations.truncated(random, Arrays.copyOf(packet(valid()),
                packet(valid()).length - 2)), false);
            case 1 -> of("flipped-byte", RawMutations.flipped(random, packet(valid())), true);
            case 2 -> of("binary", RawMutations.noise(random, 512), false);
            case 3 -> of("oversized", RawMutations.oversized(random, packet(valid())), false);
            case 4 -> of("crc.broken", Hj212Encoder.withBadCrc(packet(valid())), false);
            case 5 -> of("length.wrong", badLength(random), false);
            case 6 -> of("header.missing", Hj212Encoder.withoutHeader(packet(valid())), false);
            case 7 -> of("segment.over-1024", overlong(random), false);
            case 8 -> of("header.field", packet(header(RawMutations.pick(random, BAD_HEADER))), false);
            case 9 -> of("cp.field", packet(cp(RawMutations.pick(random, BAD_CP))), false);
            case 10 -> value(random);
            case 11 -> of("encoding.gbk", packet(cp("a21026-Rtd=1.5;备注=烟囱").getBytes(Charset.forName("GBK"))),
                false);
            case 12 -> of("encoding.invalid-utf8", RawMutations.invalidUtf8(random, packet(valid()), 10, 60), false);
            case 13 -> of("cp.framing", packet(valid().replace("CP=&&", random.nextBoolean() ? "CP=" : "CP=&")
                .replaceFirst("&&$", "")), false);
            default -> of("mn.missing", packet(valid().replace("MN=" + FuzzPark.MN + ";", "")), false);
        };
    }

    private FuzzCase of(String mutation, byte[] payload, boolean mayBeValid) {
        return new FuzzCase(FuzzFormat.HJ212, "hj212." + mutation, park.topic(FuzzFormat.HJ212), payload, mayBeValid);
    }

    private FuzzCase value(Random random) {
        if (random.nextInt(6) == 0) {
            return of("value.400-digits", packet(cp("a21026-Rtd=" + RawMutations.digits(random, 400))), false);
        }
        return of("value.absurd", packet(cp("a21026-Rtd=" + RawMutations.pick(random, ABSURD))), false);
    }

    private String valid() {
        return cp("a21026-Rtd=35.2,a21026-Flag=N;a21002-Rtd=48.1,a21002-Flag=N");
    }

    private String cp(String fields) {
        return "QN=" + qn + ";ST=31;CN=2011;PW=123456;MN=" + FuzzPark.MN + ";Flag=4;CP=&&DataTime=" + dataTime + ";"
            + fields + "&&";
    }

    private String header(String replacement) {
        String segment = valid();
        String key = replacement.contains("=") ? replacement.substring(0, replacement.indexOf('=') + 1) : "";
        int at = key.isEmpty() ? -1 : segment.indexOf(key);
        if (at < 0) {
            return replacement + ";" + segment;
        }
        int end = segment.indexOf(';', at);
        return segment.substring(0, at) + replacement + segment.substring(end);
    }

    /** Length and CRC computed over the segment as given. */
    private static byte[] packet(String segment) {
        return packet(segment.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] packet(byte[] segment) {
        String text = new String(segment, StandardCharsets.ISO_8859_1);
        return (String.format(Locale.ROOT, "##%04d", segment.length) + text + crc(segment) + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String crc(byte[] segment) {
        int register = 0xFFFF;
        for (byte b : segment) {
            register = (register >> 8) ^ (b & 0xFF);
            for (int i = 0; i < 8; i++) {
                boolean carry = (register & 1) != 0;
                register >>= 1;
                if (carry) {
                    register ^= 0xA001;
                }
            }
        }
        return String.format(Locale.ROOT, "%04X", register);
    }

    private byte[] badLength(Random random) {
        String segment = valid();
        String[] lengths = {"00a1", "-001", String.format(Locale.ROOT, "%04d", segment.length() + 1 + random.nextInt(50)),
            String.format(Locale.ROOT, "%04d", Math.max(0, segment.length() - 1 - random.nextInt(50))), "9999", "    ",
            "0000", "12"};
        return ("##" + RawMutations.pick(random, lengths) + segment + crc(segment.getBytes(StandardCharsets.US_ASCII))
            + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A segment over the standard's 1024 characters, with a four-digit length and a CRC that match it. */
    private byte[] overlong(Random random) {
        StringBuilder fields = new StringBuilder("a21026-Rtd=1.0");
        while (fields.length() < 1100 + random.nextInt(4000)) {
            fields.append(",a21026-Flag=N");
        }
        return packet(cp(fields.toString()));
    }
}
