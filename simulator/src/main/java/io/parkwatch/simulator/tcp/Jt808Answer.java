package io.parkwatch.simulator.tcp;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A platform message to a terminal, unescaped and checked: its id, its serial and body. The
 * header is 2011/2013 (12 bytes) or 2019 (17: version flag in the properties, 10-byte number).
 */
record Jt808Answer(int messageId, int serial, byte[] body) {

    static final int GENERAL_RESPONSE = 0x8001;
    static final int REGISTRATION_RESPONSE = 0x8100;

    /** Reads the bytes between two flags; null when they are no frame (escapes, check code, length). */
    static Jt808Answer parse(byte[] escaped, int from, int to) {
        byte[] content = unescape(escaped, from, to);
        if (content == null || content.length < 13) {
            return null;
        }
        int check = 0;
        for (int i = 0; i < content.length - 1; i++) {
            check ^= content[i] & 0xFF;
        }
        if (check != (content[content.length - 1] & 0xFF)) {
            return null;
        }
        int messageId = word(content, 0);
        int properties = word(content, 2);
        int header = (properties & 0x4000) != 0 ? 17 : 12;
        int bodyLength = properties & 0x3FF;
        if ((properties & 0x2000) != 0 || content.length != header + bodyLength + 1) {
            return null;
        }
        return new Jt808Answer(messageId, word(content, header - 2), Arrays.copyOfRange(content, header,
            header + bodyLength));
    }

    /** The serial of the terminal's message a 0x8001 or 0x8100 answers. */
    int answeredSerial() {
        return body.length >= 2 ? word(body, 0) : -1;
    }

    /** 0x8001: the message id answered; -1 for other answers. */
    int answeredId() {
        return messageId == GENERAL_RESPONSE && body.length >= 5 ? word(body, 2) : -1;
    }

    /** 0x8001 result (byte 4) or 0x8100 result (byte 2). */
    int result() {
        int at = messageId == GENERAL_RESPONSE ? 4 : 2;
        return body.length > at ? body[at] & 0xFF : -1;
    }

    /** 0x8100: the authentication code after the result. */
    byte[] code() {
        return body.length > 3 ? Arrays.copyOfRange(body, 3, body.length) : new byte[0];
    }

    static byte[] unescape(byte[] escaped, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            int b = escaped[i] & 0xFF;
            if (b == 0x7D) {
                if (i + 1 >= to || (escaped[i + 1] != 0x01 && escaped[i + 1] != 0x02)) {
                    return null;
                }
                out.write(escaped[++i] == 0x01 ? 0x7D : 0x7E);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    static int word(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }
}
