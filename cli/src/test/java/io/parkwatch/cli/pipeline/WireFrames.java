package io.parkwatch.cli.pipeline;

import io.parkwatch.ingest.hj212.Hj212Crc;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * What a data logger and a vehicle terminal put on the wire, built from fields with the times
 * given (the gateway refuses data older than its horizon, so tests send current times).
 */
final class WireFrames {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter HJ212_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter BCD_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private WireFrames() {
    }

    /** An HJ 212-2017 packet (Flag=5: reply requested) with a correct length and CRC. */
    static String hj212(String qn, String cn, String mn, Instant dataTime, String values) {
        String segment = "QN=" + qn + ";ST=31;CN=" + cn + ";PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime="
            + LocalDateTime.ofInstant(dataTime, CHINA).format(HJ212_TIME) + ";" + values + "&&";
        return Hj212Crc.frame(segment);
    }

    /** One part of a split packet (Flag=7: split, reply requested). */
    static byte[] hj212Part(String qn, String mn, Instant dataTime, int pnum, int pno, String values) {
        String segment = "QN=" + qn + ";ST=31;CN=2011;PW=123456;MN=" + mn + ";Flag=7;PNUM=" + pnum + ";PNO=" + pno
            + ";CP=&&DataTime=" + LocalDateTime.ofInstant(dataTime, CHINA).format(HJ212_TIME) + ";" + values + "&&";
        return Hj212Crc.frame(segment).getBytes(StandardCharsets.US_ASCII);
    }

    /** The same packet with its CRC replaced. */
    static byte[] withCrc(String packet, String crc) {
        int at = packet.length() - 6;
        return (packet.substring(0, at) + crc + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A JT/T 808 0x0200 location body: no alarm, positioned (status bit 1), north/east, the given
     * position in micro-degrees, 12 m, 35.5 km/h, heading 90, time in UTC+8, mileage item 0x01.
     */
    static byte[] location(long latitudeMicro, long longitudeMicro, Instant at, long mileageTenthsKm) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dword(out, 0);
        dword(out, 0x2);
        dword(out, latitudeMicro);
        dword(out, longitudeMicro);
        word(out, 12);
        word(out, 355);
        word(out, 90);
        out.writeBytes(HexFormat.of().parseHex(LocalDateTime.ofInstant(at, CHINA).format(BCD_TIME)));
        out.write(0x01);
        out.write(4);
        dword(out, mileageTenthsKm);
        return out.toByteArray();
    }

    /** A 0x0704 batch body (type 1: blind-area re-send) of location bodies. */
    static byte[] batch(byte[]... locations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        word(out, locations.length);
        out.write(1);
        for (byte[] location : locations) {
            word(out, location.length);
            out.writeBytes(location);
        }
        return out.toByteArray();
    }

    /** A 2013-header frame of a 12-digit terminal: check code, escaping, flags. */
    static byte[] jt808(int messageId, String terminal, int serial, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        word(content, messageId);
        word(content, body.length);
        content.writeBytes(HexFormat.of().parseHex(terminal));
        word(content, serial);
        content.writeBytes(body);
        int check = 0;
        for (byte b : content.toByteArray()) {
            check ^= b & 0xFF;
        }
        content.write(check);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x7E);
        for (byte b : content.toByteArray()) {
            int v = b & 0xFF;
            if (v == 0x7E || v == 0x7D) {
                frame.write(0x7D);
                frame.write(v == 0x7E ? 0x02 : 0x01);
            } else {
                frame.write(v);
            }
        }
        frame.write(0x7E);
        return frame.toByteArray();
    }

    private static void word(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    private static void dword(ByteArrayOutputStream out, long value) {
        word(out, (int) (value >> 16) & 0xFFFF);
        word(out, (int) value & 0xFFFF);
    }
}
