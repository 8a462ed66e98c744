package io.parkwatch.ingest.hj212;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the frame of one HJ 212 packet: {@code ##}, four-digit length, data segment, CRC, and
 * the trailing CR LF (optional here, since an MQTT message already delimits the packet; LF alone
 * is read the same), then the header fields of the data segment. A header field repeated with the
 * same value is read once. The CP content is left to {@link Hj212CpParser}. What is strict and
 * what is lenient, and why: docs/hj212-leniency.md.
 */
public final class Hj212PacketParser {

    /** The standard's cap on the data segment. */
    public static final int MAX_DATA_SEGMENT = 1024;

    private static final String CP_START = "CP=&&";
    private static final String CP_END = "&&";
    private static final String CRLF = "\r\n";
    private static final String LF = "\n";
    private static final Set<String> HEADER_FIELDS = Set.of("QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO");
    private static final Pattern DIGITS4 = Pattern.compile("[0-9]{4}");
    private static final Pattern HEX4 = Pattern.compile("[0-9A-Fa-f]{4}");
    private static final Pattern QN = Pattern.compile("[0-9]{17}");
    private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final Pattern FIELD_VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private Hj212PacketParser() {
    }

    /** Exactly one packet. */
    public static Hj212Packet parse(byte[] raw) throws RejectedInputException {
        List<Hj212Packet> packets = parseAll(raw);
        if (packets.size() != 1) {
            throw malformed("the message holds " + packets.size() + " packets, expected one");
        }
        return packets.get(0);
    }

    /**
     * One packet, or several back to back (each with its CR LF): the way a data logger that
     * writes its TCP stream into one message sends the parts of a split packet.
     */
    public static List<Hj212Packet> parseAll(byte[] raw) throws RejectedInputException {
        String text = ascii(raw);
        List<Hj212Packet> packets = new ArrayList<>();
        int at = 0;
        do {
            at = packet(text, at, packets);
        } while (at < text.length());
        return packets;
    }

    /** Reads the packet at {@code at}; returns where the next one starts. */
    private static int packet(String text, int at, List<Hj212Packet> packets) throws RejectedInputException {
        if (!text.startsWith("##", at)) {
            throw malformed(at == 0 ? "the packet does not start with ##" : "offset " + at + " does not start with ##");
        }
        if (text.length() < at + 6 || !DIGITS4.matcher(text.substring(at + 2, at + 6)).matches()) {
            throw malformed("## is not followed by a four-digit length");
        }
        int declared = Integer.parseInt(text.substring(at + 2, at + 6));
        if (declared > MAX_DATA_SEGMENT) {
            throw new RejectedInputException(RejectReason.HJ212_BAD_LENGTH,
                "length field " + declared + " exceeds the standard's " + MAX_DATA_SEGMENT + " characters");
        }
        int crcAt = at + 6 + declared;
        int end = crcAt + 4;
        // An LF right after a CR that the length put inside the CRC is a length error, not an LF ending.
        boolean lfOnly = text.startsWith(LF, end) && text.charAt(end - 1) != '\r';
        int next = text.startsWith(CRLF, end) ? end + CRLF.length() : lfOnly ? end + 1 : end;
        if (end > text.length() || next < text.length() && !text.startsWith("##", next)) {
            throw new RejectedInputException(RejectReason.HJ212_BAD_LENGTH, "length field says " + declared
                + " characters but " + Math.max(0, packetEnd(text, at) - at - 10) + " precede the 4-digit CRC");
        }
        String segment = text.substring(at + 6, crcAt);
        String crc = text.substring(crcAt, end);
        if (!HEX4.matcher(crc).matches()) {
            throw malformed("the CRC '" + crc + "' is not four hex digits");
        }
        String expected = Hj212Crc.hex(segment);
        if (!expected.equalsIgnoreCase(crc)) {
            throw new RejectedInputException(RejectReason.HJ212_BAD_CRC,
                "CRC " + crc + " does not match the data segment, whose CRC is " + expected);
        }
        packets.add(segment(segment));
        return next;
    }

    /** Where the packet at {@code at} really ends: before the next (CR) LF ## or the final (CR) LF. */
    private static int packetEnd(String text, int at) {
        int next = text.indexOf(LF + "##", at);
        int end = next >= 0 ? next : text.endsWith(LF) ? text.length() - 1 : text.length();
        return end > at && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** Printable ASCII; CR LF or LF only where a packet ends. */
    private static String ascii(byte[] raw) throws RejectedInputException {
        for (int i = 0; i < raw.length; i++) {
            int b = raw[i] & 0xFF;
            boolean crLf = b == '\r' && i + 1 < raw.length && raw[i + 1] == '\n' && endsPacket(raw, i + 2);
            if (crLf) {
                i++;
            } else if (b == '\n' && endsPacket(raw, i + 1)) {
                continue;
            } else if (b < 0x20 || b > 0x7E) {
                throw new RejectedInputException(RejectReason.HJ212_NOT_ASCII,
                    String.format("byte 0x%02X at offset %d is not printable ASCII", b, i));
            }
        }
        return new String(raw, StandardCharsets.US_ASCII);
    }

    /** The line end before {@code next} ends a packet: nothing follows, or the next packet's ##. */
    private static boolean endsPacket(byte[] raw, int next) {
        return next == raw.length || raw[next] == '#';
    }

    private static Hj212Packet segment(String segment) throws RejectedInputException {
        int cpAt = segment.indexOf(CP_START);
        if (cpAt < 0) {
            throw malformed("the data segment has no CP=&&");
        }
        if (!segment.endsWith(CP_END) || segment.length() < cpAt + CP_START.length() + CP_END.length()) {
            throw malformed("the CP field does not end with && at the end of the data segment");
        }
        String cp = segment.substring(cpAt + CP_START.length(), segment.length() - CP_END.length());
        Map<String, String> header = header(segment.substring(0, cpAt));
        String cn = required(header, "CN");
        String mn = required(header, "MN");
        String qn = header.get("QN");
        if (qn != null && !QN.matcher(qn).matches()) {
            throw malformed("QN '" + qn + "' is not YYYYMMDDhhmmsszzz");
        }
        return new Hj212Packet(qn, header.get("ST"), cn, header.get("PW"), mn, number(header, "Flag"),
            number(header, "PNUM"), number(header, "PNO"), cp);
    }

    private static Map<String, String> header(String text) throws RejectedInputException {
        Map<String, String> fields = new HashMap<>();
        for (String field : text.split(";")) {
            if (field.isEmpty()) {
                continue;
            }
            int eq = field.indexOf('=');
            String name = eq < 0 ? field : field.substring(0, eq);
            if (eq < 0 || !HEADER_FIELDS.contains(name)) {
                throw malformed("header field '" + field + "' is not one of " + HEADER_FIELDS + " as name=value");
            }
            String value = field.substring(eq + 1);
            if (!FIELD_VALUE.matcher(value).matches()) {
                throw malformed("header field " + name + " has an invalid value '" + value + "'");
            }
            String earlier = fields.putIfAbsent(name, value);
            if (earlier != null && !earlier.equals(value)) {
                throw malformed("header field " + name + " appears twice with different values (" + earlier
                    + ", then " + value + ")");
            }
        }
        return fields;
    }

    private static String required(Map<String, String> header, String name) throws RejectedInputException {
        String value = header.get(name);
        if (value == null) {
            throw new RejectedInputException(RejectReason.HJ212_MALFORMED, "the data segment has no " + name);
        }
        return value;
    }

    private static Integer number(Map<String, String> header, String name) throws RejectedInputException {
        String value = header.get(name);
        if (value == null) {
            return null;
        }
        if (!SMALL_NUMBER.matcher(value).matches()) {
            throw malformed(name + " '" + value + "' is not a number of at most 4 digits");
        }
        return Integer.parseInt(value);
    }

    private static RejectedInputException malformed(String detail) {
        return new RejectedInputException(RejectReason.HJ212_MALFORMED, detail);
    }
}
