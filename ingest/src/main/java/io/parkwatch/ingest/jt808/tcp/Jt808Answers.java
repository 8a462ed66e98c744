package io.parkwatch.ingest.jt808.tcp;

import io.parkwatch.ingest.jt808.Jt808Packet;
import io.parkwatch.ingest.jt808.Jt808Version;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The platform's messages, each addressed to the terminal with its own header layout (2011/2013
 * or 2019, the 2019 protocol version echoed) and phone number: the general answer 0x8001 and the
 * registration answer 0x8100. Header, body, check code (XOR), escaped, between flags.
 */
final class Jt808Answers {

    static final int GENERAL_ANSWER = 0x8001;
    static final int REGISTRATION_ANSWER = 0x8100;

    /** 0x8001 results. */
    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int MESSAGE_ERROR = 2;
    static final int NOT_SUPPORTED = 3;
    /** 0x8100 result 4: no such terminal in the database. */
    static final int NO_SUCH_TERMINAL = 4;

    private static final int VERSION_2019_BIT = 1 << 14;

    private Jt808Answers() {
    }

    /** 0x8001: answer serial WORD, answered message id WORD, result BYTE. */
    static byte[] general(Jt808Packet to, int platformSerial, int result) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(5);
        word(body, to.serial());
        word(body, to.messageId());
        body.write(result);
        return frame(GENERAL_ANSWER, to, platformSerial, body.toByteArray());
    }

    /** 0x8100: answer serial WORD, result BYTE, then the authentication code STRING when the result is 0. */
    static byte[] registration(Jt808Packet to, int platformSerial, int result, String code) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        word(body, to.serial());
        body.write(result);
        if (result == SUCCESS) {
            body.writeBytes(code.getBytes(StandardCharsets.US_ASCII));
        }
        return frame(REGISTRATION_ANSWER, to, platformSerial, body.toByteArray());
    }

    private static byte[] frame(int messageId, Jt808Packet to, int platformSerial, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(body.length + 20);
        word(content, messageId);
        boolean v2019 = to.version() == Jt808Version.V2019;
        word(content, body.length | (v2019 ? VERSION_2019_BIT : 0));
        if (v2019) {
            content.write(to.protocolVersion());
        }
        String phone = to.terminalId();
        for (int i = 0; i < phone.length(); i += 2) {
            content.write((phone.charAt(i) - '0') << 4 | (phone.charAt(i + 1) - '0'));
        }
        word(content, platformSerial);
        content.writeBytes(body);
        byte[] unescaped = content.toByteArray();
        int check = 0;
        for (byte b : unescaped) {
            check ^= b & 0xFF;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(unescaped.length + 8);
        out.write(0x7E);
        for (byte b : unescaped) {
            escaped(out, b & 0xFF);
        }
        escaped(out, check);
        out.write(0x7E);
        return out.toByteArray();
    }

    private static void escaped(ByteArrayOutputStream out, int b) {
        if (b == 0x7E || b == 0x7D) {
            out.write(0x7D);
            out.write(b == 0x7E ? 0x02 : 0x01);
        } else {
            out.write(b);
        }
    }

    private static void word(ByteArrayOutputStream out, int value) {
        out.write(value >> 8 & 0xFF);
        out.write(value & 0xFF);
    }
}
