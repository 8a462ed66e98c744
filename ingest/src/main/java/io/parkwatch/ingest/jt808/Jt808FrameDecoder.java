package io.parkwatch.ingest.jt808;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns a payload holding one JT/T 808 frame ({@code 0x7E | header | body | check code | 0x7E}),
 * or every part of one split message as consecutive frames, into a {@link Jt808Frame}: strips
 * the flags, unescapes, verifies the check codes, reads the 2011/2013 or 2019 headers, checks
 * the body lengths and joins the parts' bodies. It accepts any message id; {@link Jt808Locations}
 * decides which bodies parkwatch reads. Pure: no I/O, no state.
 *
 * <p>Every bad input rejects with a {@link RejectedInputException}: a payload not starting
 * with 0x7E, or with a 0x7E inside a frame, or a header field that is not BCD is JT808_MALFORMED;
 * one that stops before its closing flag, header or declared body is JT808_TRUNCATED; a body
 * longer than declared is JT808_MALFORMED. A split message missing parts (over MQTT, one part
 * per payload) is JT808_TRUNCATED, its parts out of order or of different messages
 * JT808_MALFORMED; encrypted messages are JT808_UNSUPPORTED_MESSAGE: parkwatch does not decrypt.
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
        List<byte[]> frames = frames(payload == null ? new byte[0] : payload);
        List<Jt808Packet> packets = new ArrayList<>(frames.size());
        for (byte[] frame : frames) {
            packets.add(packet(frame));
        }
        Jt808Packet first = packets.get(0);
        if (packets.size() == 1 && !first.split()) {
            return plain(first, first.body());
        }
        return joined(packets);
    }

    /** One frame, flags included, read whatever it holds (a part, an encrypted body). */
    public static Jt808Packet packet(byte[] frame) throws RejectedInputException {
        byte[] content = unescape(frame);
        verifyCheckCode(content);
        return header(new Jt808Reader(content, 0, content.length - 1, "header"), true);
    }

    /**
     * The header of a frame whose check code or body may be wrong, to address a refusal to its
     * sender; empty when not even the header can be read. The packet's body is empty.
     */
    public static Optional<Jt808Packet> unverifiedHeader(byte[] frame) {
        try {
            byte[] content = unescape(frame);
            return Optional.of(header(new Jt808Reader(content, 0, content.length, "header"), false));
        } catch (RejectedInputException e) {
            return Optional.empty();
        }
    }

    /** The frames of a payload: frames follow each other flag to flag ({@code ...7E 7E...}). */
    private static List<byte[]> frames(byte[] payload) {
        List<byte[]> frames = new ArrayList<>(1);
        int start = 0;
        for (int i = 1; i < payload.length - 1; i++) {
            if ((payload[i] & 0xFF) == FLAG && (payload[i + 1] & 0xFF) == FLAG) {
                frames.add(Arrays.copyOfRange(payload, start, i + 1));
                start = i + 1;
                i++;
            }
        }
        frames.add(start == 0 ? payload : Arrays.copyOfRange(payload, start, payload.length));
        return frames;
    }

    private static Jt808Frame plain(Jt808Packet packet, byte[] body) throws RejectedInputException {
        if (packet.encryption() != 0) {
            throw new RejectedInputException(RejectReason.JT808_UNSUPPORTED_MESSAGE, "encrypted bodies are not "
                + "accepted: " + describe(packet) + " has encryption bits " + Integer.toBinaryString(packet.encryption()));
        }
        return new Jt808Frame(packet.messageId(), packet.version(), packet.terminalId(), packet.serial(), body);
    }

    /** The parts of one split message, all of them and in order: one frame of the joined bodies. */
    private static Jt808Frame joined(List<Jt808Packet> packets) throws RejectedInputException {
        Jt808Packet first = packets.get(0);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < packets.size(); i++) {
            Jt808Packet part = packets.get(i);
            if (!part.split()) {
                throw new RejectedInputException(RejectReason.JT808_MALFORMED, "frame " + (i + 1) + " of the payload, "
                    + describe(part) + ", is not a part of a split message; a payload carries one message");
            }
            if (part.messageId() != first.messageId() || !part.terminalId().equals(first.terminalId())
                    || part.partTotal() != first.partTotal()) {
                throw new RejectedInputException(RejectReason.JT808_MALFORMED, "frame " + (i + 1) + " of the payload, "
                    + describe(part) + " (packet " + part.partIndex() + " of " + part.partTotal()
                    + "), is not a part of the first frame's " + describe(first) + " (" + first.partTotal() + " packets)");
            }
            if (part.partIndex() != i + 1) {
                throw new RejectedInputException(RejectReason.JT808_MALFORMED, describe(first) + ": frame " + (i + 1)
                    + " of the payload is packet " + part.partIndex() + "; the parts must be packets 1 to "
                    + first.partTotal() + " in order");
            }
            body.writeBytes(part.body());
        }
        if (packets.size() != first.partTotal()) {
            throw new RejectedInputException(RejectReason.JT808_TRUNCATED, describe(first) + " is split into "
                + first.partTotal() + " packets, only " + packets.size() + " arrived (packets 1 to " + packets.size()
                + "); a split message is read with all its parts");
        }
        return plain(first, body.toByteArray());
    }

    private static String describe(Jt808Packet packet) {
        return String.format("message 0x%04X from terminal %s", packet.messageId(), packet.terminalId());
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
                    + " inside the frame; a frame escapes 0x7E as 0x7D 0x02");
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

    private static Jt808Packet header(Jt808Reader in, boolean withBody) throws RejectedInputException {
        int messageId = in.u16("message id");
        int attributes = in.u16("body attributes");
        Jt808Version version = (attributes & VERSION_2019_BIT) != 0 ? Jt808Version.V2019 : Jt808Version.V2013;
        int protocolVersion = version == Jt808Version.V2019 ? in.u8("protocol version") : 0;
        String terminalId = Bcd.digits(in.bytes(version.phoneBytes(), "terminal phone BCD[" + version.phoneBytes()
            + "]"), RejectReason.JT808_MALFORMED, "the terminal phone");
        int serial = in.u16("serial number");
        int total = 0;
        int index = 0;
        if ((attributes & SPLIT_BIT) != 0) {
            total = in.u16("packet total");
            index = in.u16("packet index");
            if (total == 0 || index == 0 || index > total) {
                throw new RejectedInputException(RejectReason.JT808_MALFORMED, String.format("message 0x%04X from "
                    + "terminal %s says packet %d of %d; packets count from 1", messageId, terminalId, index, total));
            }
        }
        int encryption = (attributes >> ENCRYPTION_SHIFT) & ENCRYPTION_MASK;
        byte[] body = new byte[0];
        if (withBody) {
            int bodyLength = attributes & BODY_LENGTH_MASK;
            String message = String.format("message 0x%04X from terminal %s", messageId, terminalId);
            if (in.remaining() < bodyLength) {
                throw new RejectedInputException(RejectReason.JT808_TRUNCATED, "the body attributes of " + message
                    + " say " + bodyLength + " body bytes, only " + in.remaining() + " follow the header");
            }
            if (in.remaining() > bodyLength) {
                throw new RejectedInputException(RejectReason.JT808_MALFORMED, "the body attributes of " + message
                    + " say " + bodyLength + " body bytes, but " + in.remaining() + " follow the header");
            }
            body = in.bytes(bodyLength, "body");
        }
        return new Jt808Packet(messageId, version, protocolVersion, terminalId, serial, encryption, total, index, body);
    }
}
