package io.parkwatch.ingest.jt808.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * A terminal of one edition as the standard's text describes it, sharing nothing with the
 * gateway's code: the bodies it sends (registration, 0x0200 location, 0x0704 batch), framed by
 * {@link TerminalFrames}, and the reading of the platform's answers (unescape, XOR check code,
 * the 2011/2013 or 2019 header).
 */
record WireTerminal(String phone, boolean v2019) {

    private static final DateTimeFormatter BCD_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss")
        .withZone(ZoneOffset.ofHours(8));

    byte[] frame(int messageId, int serial, byte[] body) {
        return TerminalFrames.frame(messageId, phone, v2019, serial, 0, 0, body);
    }

    byte[] authentication(int serial, String code) {
        return v2019 ? TerminalFrames.authentication2019(serial, code) : TerminalFrames.authentication2013(serial, code);
    }

    /**
     * 0x0100, 2013 layout: province WORD, city WORD, manufacturer BYTE[5], model BYTE[20], terminal
     * id BYTE[7], plate colour BYTE, plate STRING. The platform does not read it: one layout serves.
     */
    static byte[] registrationBody() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(TerminalFrames.hex("000F 0001"));
        body.writeBytes(Arrays.copyOf("70000".getBytes(StandardCharsets.US_ASCII), 5));
        body.writeBytes(new byte[20]);
        body.writeBytes(Arrays.copyOf("T000013".getBytes(StandardCharsets.US_ASCII), 7));
        body.write(1);
        body.writeBytes("TEST01".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /**
     * A location body: alarm DWORD, status DWORD (bit 1: positioned), latitude and longitude DWORD
     * in millionths of a degree, altitude WORD (m), speed WORD (0.1 km/h), heading WORD, time BCD[6]
     * (yyMMddHHmmss, GMT+8).
     */
    static byte[] location(Instant at, double latitude, double longitude) {
        return TerminalFrames.hex(String.format("00000000 00000002 %08X %08X 0032 0064 000A %s",
            Math.round(latitude * 1e6), Math.round(longitude * 1e6), BCD_TIME.format(at)));
    }

    /** 0x0704: item count WORD, type BYTE (0 normal), then each item as its length WORD and location body. */
    static byte[] batch(byte[]... items) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.write(items.length);
        body.write(0);
        for (byte[] item : items) {
            body.write(item.length >> 8);
            body.write(item.length & 0xFF);
            body.writeBytes(item);
        }
        return body.toByteArray();
    }

    /** The next frame's header and body, unescaped, its check code verified and dropped; null at the end of the stream. */
    static byte[] readFrame(InputStream in) throws IOException {
        int b = in.read();
        while (b != 0x7E) {
            if (b < 0) {
                return null;
            }
            b = in.read();
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (b = in.read(); b != 0x7E; b = in.read()) {
            if (b < 0) {
                throw new AssertionError("the connection closed inside a frame");
            }
            content.write(b == 0x7D ? (in.read() == 0x01 ? 0x7D : 0x7E) : b);
        }
        if (content.size() == 0) {
            return readFrame(in);
        }
        byte[] bytes = content.toByteArray();
        int check = 0;
        for (int i = 0; i < bytes.length - 1; i++) {
            check ^= bytes[i] & 0xFF;
        }
        if ((bytes[bytes.length - 1] & 0xFF) != check) {
            throw new AssertionError("the platform's check code is wrong: " + TerminalFrames.hex(bytes));
        }
        return Arrays.copyOf(bytes, bytes.length - 1);
    }

    int messageId(byte[] frame) {
        return (frame[0] & 0xFF) << 8 | frame[1] & 0xFF;
    }

    /** After the header: id, attributes, (2019: version), phone BCD[6] or BCD[10], serial. */
    byte[] body(byte[] frame) {
        int attributes = (frame[2] & 0xFF) << 8 | frame[3] & 0xFF;
        if (((attributes & 1 << 14) != 0) != v2019) {
            throw new AssertionError("answered with another edition's header: " + TerminalFrames.hex(frame));
        }
        String answeredPhone = TerminalFrames.hex(Arrays.copyOfRange(frame, v2019 ? 5 : 4, v2019 ? 15 : 10));
        if (!answeredPhone.equals(phone)) {
            throw new AssertionError("answered to phone " + answeredPhone + " instead of " + phone);
        }
        byte[] body = Arrays.copyOfRange(frame, v2019 ? 17 : 12, frame.length);
        if (body.length != (attributes & 0x03FF)) {
            throw new AssertionError("the body length is not the one the attributes declare: " + TerminalFrames.hex(frame));
        }
        return body;
    }

    /** A 0x8001 as "answer serial, answered message id, result", e.g. {@code 0003 0200 00}. */
    String generalAnswer(byte[] frame) {
        if (messageId(frame) != 0x8001) {
            throw new AssertionError("not a general answer: " + TerminalFrames.hex(frame));
        }
        String body = TerminalFrames.hex(body(frame));
        return body.substring(0, 4) + ' ' + body.substring(4, 8) + ' ' + body.substring(8);
    }
}
