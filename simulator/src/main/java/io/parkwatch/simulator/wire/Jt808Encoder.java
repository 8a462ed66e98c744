package io.parkwatch.simulator.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * JT/T 808-2013 frames as a vehicle terminal writes them: header with a 12-digit BCD terminal
 * number, body, XOR check code, escaping of 0x7E/0x7D, and the 0x7E flags.
 */
public final class Jt808Encoder {

    public static final int LOCATION_REPORT = 0x0200;
    public static final int BATCH_LOCATION_UPLOAD = 0x0704;
    public static final int HEARTBEAT = 0x0002;
    public static final int REGISTRATION = 0x0100;
    public static final int AUTHENTICATION = 0x0102;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter BCD_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private Jt808Encoder() {
    }

    /** A position fix: degrees, metres, km/h, degrees from north, alarm word, mileage in km. */
    public record Fix(double latitude, double longitude, int altitude, double speedKmh, int heading, long alarm,
                      double mileageKm, Instant at) {
    }

    /**
     * A 2013 0x0100 body: province and city (0: unknown), maker id (5 bytes), model (20), terminal
     * id (7), plate colour 0 (not registered yet), and the plate as text (here the terminal id).
     */
    public static byte[] registrationBody(String terminal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        word(out, 0);
        word(out, 0);
        padded(out, "PWSIM", 5);
        padded(out, "PARKWATCH-SIM", 20);
        String id = terminal.substring(terminal.length() - 7);
        padded(out, id, 7);
        out.write(0);
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A 2013 0x0102 body: the authentication code as the platform issued it. */
    public static byte[] authenticationBody(byte[] code) {
        return code.clone();
    }

    private static void padded(ByteArrayOutputStream out, String text, int length) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] field = new byte[length];
        System.arraycopy(bytes, 0, field, 0, Math.min(length, bytes.length));
        out.writeBytes(field);
    }

    /** A 0x0200 body: alarm, status (positioned, north, east), position, time in UTC+8, mileage item. */
    public static byte[] locationBody(Fix fix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dword(out, fix.alarm());
        dword(out, 0x2);
        dword(out, Math.round(fix.latitude() * 1e6));
        dword(out, Math.round(fix.longitude() * 1e6));
        word(out, fix.altitude());
        word(out, (int) Math.round(fix.speedKmh() * 10));
        word(out, Math.floorMod(fix.heading(), 360));
        out.writeBytes(HexFormat.of().parseHex(BCD_TIME.format(LocalDateTime.ofInstant(fix.at(), CHINA))));
        out.write(0x01);
        out.write(4);
        dword(out, Math.round(fix.mileageKm() * 10));
        return out.toByteArray();
    }

    /** A 0x0704 body (type 1: re-sent after a blind area) of location bodies, oldest first. */
    public static byte[] batchBody(List<byte[]> locations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        word(out, locations.size());
        out.write(1);
        for (byte[] location : locations) {
            word(out, location.length);
            out.writeBytes(location);
        }
        return out.toByteArray();
    }

    /** A whole frame with a correct check code. */
    public static byte[] frame(int messageId, String terminal, int serial, byte[] body) {
        byte[] content = content(messageId, terminal, serial, body);
        return escape(content, checkCode(content));
    }

    /** A whole frame whose check code is wrong (a bit error on a radio link). */
    public static byte[] frameWithBadCheckCode(int messageId, String terminal, int serial, byte[] body) {
        byte[] content = content(messageId, terminal, serial, body);
        return escape(content, checkCode(content) ^ 0x55);
    }

    /** The frame without its leading flag: what a receiver gets after losing the first byte. */
    public static byte[] withoutStartFlag(byte[] frame) {
        byte[] cut = new byte[frame.length - 1];
        System.arraycopy(frame, 1, cut, 0, cut.length);
        return cut;
    }

    private static byte[] content(int messageId, String terminal, int serial, byte[] body) {
        if (!terminal.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("a 2013 terminal number has 12 digits: " + terminal);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        word(content, messageId);
        word(content, body.length);
        content.writeBytes(HexFormat.of().parseHex(terminal));
        word(content, serial & 0xFFFF);
        content.writeBytes(body);
        return content.toByteArray();
    }

    private static int checkCode(byte[] content) {
        int check = 0;
        for (byte b : content) {
            check ^= b & 0xFF;
        }
        return check;
    }

    private static byte[] escape(byte[] content, int check) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x7E);
        for (byte b : content) {
            escaped(frame, b & 0xFF);
        }
        escaped(frame, check & 0xFF);
        frame.write(0x7E);
        return frame.toByteArray();
    }

    private static void escaped(ByteArrayOutputStream frame, int value) {
        if (value == 0x7E || value == 0x7D) {
            frame.write(0x7D);
            frame.write(value == 0x7E ? 0x02 : 0x01);
        } else {
            frame.write(value);
        }
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
