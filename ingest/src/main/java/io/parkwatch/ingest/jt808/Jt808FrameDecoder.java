package io.parkwatch.ingest.jt808;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import java.util.Arrays;

/**
 * Turns one MQTT payload holding exactly one JT/T 808 frame ({@code 0x7E | header | body | check
 * code | 0x7E}) into a {@link Jt808Frame}: strips the flags, unescapes, verifies the check code,
 * reads the 2011/2013 or 2019 header and checks the body length. It accepts any message id;
 * {@link Jt808Locations} decides which bodies parkwatch reads. Pure: no I/O, no state.
 *
 * <p>Every bad input rejects with a {@link RejectedInputException}: a payload not starting
 * with 0x7E, or with a 0x7E inside, or a header field that is not BCD is JT808_MALFORMED; one
 * that stops before its closing flag, header or declared body is JT808_TRUNCATED; a body
 * longer than declared is JT808_MALFORMED. Split (multi-packet) and encrypted messages are
 * JT808_UNSUPPORTED_MESSAGE: parkwatch does not reassemble or decrypt.
 */
public final class Jt808FrameDecoder {

    private static final int FLAG = 0x7E;
    private static final int ESCAPE = 0x7D;
    private static final int BODY_LENGTH_MASK = 0x03FF;
    private static final int ENCRYPTION_SHIFT = 10;
    private static final int ENCRYPTION_MASK = 0x07;
    private static final int SPLIT_BIT = 1 << 13;
    private static final int VERSION_2019_BIT = 1 << 14;

    private Jt808FrameDecoder() {
    }

    public static Jt808Frame decode(byte[] payload) throws RejectedInputException {
        byte[] content = unescape(payload == null ? new byte[0] : payload);
        verifyCheckCode(content);
        return header(new Jt808Reader(content, 0, content.length - 1, "header"));
    }

    /** Header through check code, with the flags removed and the escapes undone. */
    static byte[] unescape(byte[] payload) throws RejectedInputException {
        if (payload.length == 0 || (payload[0] & 0xFF) != FLAG) {
            throw new RejectedInputException(RejectReason.JT808_MALFORMED, "the payload does not start with the "
                + "0x7E flag" + (payload.length == 0 ? " (it is empty)" : String.format(": 0x%02X", payload[0])));
        }
        int last = payload.length - 1;
        if (last == 0 || (payload[last] & 0xFF) != FLAG) {
            throw new RejectedInputException(RejectReason.JT808_TRUNCATED,
                "the frame does not end with the 0x7E flag (" + payload.length + " bytes)");
        }
        byte[] content = new byte[last - 1];
        int length = 0;
        for (int i = 1; i < last; i++) {
            int b = payload[i] & 0xFF;
            if (b == FLAG) {
                throw new RejectedInputException(RejectReason.JT808_MALFORMED, "a 0x7E flag at offset " + i
                    + " inside the frame; a payload carries exactly one frame and escapes 0x7E as 0x7D 0x02");
            }
            if (b == ESCAPE) {
                content[length++] = (byte) unescaped(payload, i, last);
                i++;
            } else {
                content[length++] = (byte) b;
            }
        }
        return Arrays.copyOf(content, length);
    }

    private static int unescaped(byte[] payload, int at, int last) throws RejectedInputException {
        if (at + 1 >= last) {
            throw new RejectedInputException(RejectReason.JT808_BAD_ESCAPE,
                "0x7D at offset " + at + " ends the frame; an escape needs a second byte");
        }
        int next = payload[at + 1] & 0xFF;
        if (next == 0x01) {
            return ESCAPE;
        }
        if (next == 0x02) {
            return FLAG;
        }
        throw new RejectedInputException(RejectReason.JT808_BAD_ESCAPE, String.format(
            "0x7D 0x%02X at offset %d; the only escapes are 0x7D 0x01 (0x7D) and 0x7D 0x02 (0x7E)", next, at));
    }

    private static void verifyCheckCode(byte[] content) throws RejectedInputException {
        if (content.length == 0) {
            throw new RejectedInputException(RejectReason.JT808_TRUNCATED,
                "the frame holds nothing between its flags: no header, body or check code");
        }
        int computed = 0;
        for (int i = 0; i < content.length - 1; i++) {
            computed ^= content[i] & 0xFF;
        }
        int sent = content[content.length - 1] & 0xFF;
        if (sent != computed) {
            throw new RejectedInputException(RejectReason.JT808_BAD_CHECK_CODE,
                String.format("check code 0x%02X, computed 0x%02X", sent, computed));
        }
    }

    private static Jt808Frame header(Jt808Reader in) throws RejectedInputException {
        int messageId = in.u16("message id");
        int attributes = in.u16("body attributes");
        Jt808Version version = (attributes & VERSION_2019_BIT) != 0 ? Jt808Version.V2019 : Jt808Version.V2013;
        if (version == Jt808Version.V2019) {
            in.u8("protocol version");
        }
        String terminalId = Bcd.digits(in.bytes(version.phoneBytes(), "terminal phone BCD[" + version.phoneBytes()
            + "]"), RejectReason.JT808_MALFORMED, "the terminal phone");
        int serial = in.u16("serial number");
        String message = String.format("message 0x%04X from terminal %s", messageId, terminalId);
        if ((attributes & SPLIT_BIT) != 0) {
            int total = in.u16("packet total");
            int index = in.u16("packet index");
            throw new RejectedInputException(RejectReason.JT808_UNSUPPORTED_MESSAGE, "split messages are not "
                + "accepted: " + message + " is packet " + index + " of " + total);
        }
        int encryption = (attributes >> ENCRYPTION_SHIFT) & ENCRYPTION_MASK;
        if (encryption != 0) {
            throw new RejectedInputException(RejectReason.JT808_UNSUPPORTED_MESSAGE, "encrypted bodies are not "
                + "accepted: " + message + " has encryption bits " + Integer.toBinaryString(encryption));
        }
        int bodyLength = attributes & BODY_LENGTH_MASK;
        if (in.remaining() < bodyLength) {
            throw new RejectedInputException(RejectReason.JT808_TRUNCATED, "the body attributes of " + message
                + " say " + bodyLength + " body bytes, only " + in.remaining() + " follow the header");
        }
        if (in.remaining() > bodyLength) {
            throw new RejectedInputException(RejectReason.JT808_MALFORMED, "the body attributes of " + message
                + " say " + bodyLength + " body bytes, but " + in.remaining() + " follow the header");
        }
        return new Jt808Frame(messageId, version, terminalId, serial, in.bytes(bodyLength, "body"));
    }
}
