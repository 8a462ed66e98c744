package io.parkwatch.ingest.jt808.tcp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * What a terminal sends, built from JT/T 808's text and sharing nothing with the gateway's code:
 * header (2011/2013: id, attributes, BCD[6] phone, serial; 2019: attribute bit 14, protocol
 * version byte, BCD[10] phone), optional split total and index, body, XOR check code, escapes
 * 0x7E → 7D 02 and 0x7D → 7D 01, flags.
 */
final class TerminalFrames {

    static final String PHONE_2013 = "013912345678";
    static final String PHONE_2019 = "00000000013912345678";
    /** A location body: alarm, status (positioned), lat 40.0, lon 116.0, alt 50, speed, heading, time. */
    static final String LOCATION_BODY = "00000000 00000002 02625A00 06EA0F00 0032 0064 000A 261123155900";

    private TerminalFrames() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    static byte[] v2013(int messageId, int serial, String body) {
        return frame(messageId, PHONE_2013, false, serial, 0, 0, hex(body));
    }

    static byte[] v2019(int messageId, int serial, String body) {
        return frame(messageId, PHONE_2019, true, serial, 0, 0, hex(body));
    }

    static byte[] part(int messageId, int serial, int total, int index, String body) {
        return frame(messageId, PHONE_2013, false, serial, total, index, hex(body));
    }

    /** 0x0102 with a 2013 body: the code is the whole body. */
    static byte[] authentication2013(int serial, String code) {
        return frame(0x0102, PHONE_2013, false, serial, 0, 0, code.getBytes(StandardCharsets.US_ASCII));
    }

    /** 0x0102 with a 2019 body: code length, code, IMEI BYTE[15], software version BYTE[20]. */
    static byte[] authentication2019(int serial, String code) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(code.length());
        body.writeBytes(code.getBytes(StandardCharsets.US_ASCII));
        body.writeBytes("861234567890123".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[20]);
        return frame(0x0102, PHONE_2019, true, serial, 0, 0, body.toByteArray());
    }

    static byte[] frame(int messageId, String phone, boolean v2019, int serial, int total, int index, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        word(content, messageId);
        word(content, body.length | (total > 0 ? 1 << 13 : 0) | (v2019 ? 1 << 14 : 0));
        if (v2019) {
            content.write(1);
        }
        content.writeBytes(hex(phone));
        word(content, serial);
        if (total > 0) {
            word(content, total);
            word(content, index);
        }
        content.writeBytes(body);
        int check = 0;
        for (byte b : content.toByteArray()) {
            check ^= b & 0xFF;
        }
        content.write(check);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x7E);
        for (byte b : content.toByteArray()) {
            int v = b & 0xFF;
            if (v == 0x7E) {
                out.write(0x7D);
                out.write(0x02);
            } else if (v == 0x7D) {
                out.write(0x7D);
                out.write(0x01);
            } else {
                out.write(v);
            }
        }
        out.write(0x7E);
        return out.toByteArray();
    }

    /** The same frame with its check code byte flipped (it sits just before the closing flag, unescaped here). */
    static byte[] withBadCheckCode(byte[] frame) {
        byte[] bad = frame.clone();
        bad[bad.length - 2] ^= 0x01;
        return bad;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void word(ByteArrayOutputStream out, int value) {
        out.write(value >> 8 & 0xFF);
        out.write(value & 0xFF);
    }
}
