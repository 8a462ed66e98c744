package io.parkwatch.simulator.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * HJ 212-2017 packets as a data logger writes them: {@code ##}, four-digit length, data segment,
 * CRC (Appendix A) and CR LF. Times are China time (UTC+8), as loggers in the field send them.
 */
public final class Hj212Encoder {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Hj212Encoder() {
    }

    /**
     * A packet (ST 31, Flag 4: 2017, no reply asked) of command {@code cn} from logger {@code mn};
     * {@code cp} is the CP content without {@code DataTime}, e.g. {@code a21026-Rtd=35.2,a21026-Flag=N}.
     */
    public static byte[] packet(String cn, String mn, Instant qn, Instant dataTime, String cp) {
        String segment = "QN=" + QN.format(LocalDateTime.ofInstant(qn, CHINA)) + ";ST=31;CN=" + cn
            + ";PW=123456;MN=" + mn + ";Flag=4;CP=&&DataTime=" + DATA_TIME.format(LocalDateTime.ofInstant(dataTime, CHINA))
            + ";" + cp + "&&";
        return frame(segment, crcHex(segment)).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The same packet sent by a logger with its own access password {@code pw}, asking for an
     * answer when {@code answerAsked} (Flag bit A set: {@code Flag=5}), re-framed with its CRC. A
     * spoiled packet stays spoiled: one without its {@code ##} is returned as it is, one whose CRC
     * did not match gets a CRC that does not match its new segment either.
     */
    public static byte[] forLogin(byte[] packet, String pw, boolean answerAsked) {
        String text = new String(packet, StandardCharsets.US_ASCII);
        if (!text.startsWith("##") || text.length() < 12) {
            return packet.clone();
        }
        String original = text.substring(6, text.length() - 6);
        boolean crcMatched = text.substring(text.length() - 6, text.length() - 2).equals(crcHex(original));
        String segment = original
            .replaceFirst(";PW=[^;]*;", Matcher.quoteReplacement(";PW=" + pw + ";"))
            .replaceFirst(";Flag=[0-9]+;", ";Flag=" + (answerAsked ? 5 : 4) + ";");
        byte[] framed = frame(segment, crcHex(segment)).getBytes(StandardCharsets.US_ASCII);
        return crcMatched ? framed : withBadCrc(framed);
    }

    /** The same packet with a CRC that does not match its data segment. */
    public static byte[] withBadCrc(byte[] packet) {
        String text = new String(packet, StandardCharsets.US_ASCII);
        int crcAt = text.length() - 6;
        int crc = Integer.parseInt(text.substring(crcAt, crcAt + 4), 16);
        return (text.substring(0, crcAt) + String.format(Locale.ROOT, "%04X", crc ^ 0x5A5A) + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    }

    /** The packet without its leading {@code ##}: a logger that lost the start of its buffer. */
    public static byte[] withoutHeader(byte[] packet) {
        byte[] cut = new byte[packet.length - 2];
        System.arraycopy(packet, 2, cut, 0, cut.length);
        return cut;
    }

    static String frame(String segment, String crc) {
        return String.format(Locale.ROOT, "##%04d", segment.length()) + segment + crc + "\r\n";
    }

    /** The standard's CRC: register 0xFFFF; per byte shift in, then 8 shifts with 0xA001. */
    public static String crcHex(String segment) {
        int register = 0xFFFF;
        for (byte b : segment.getBytes(StandardCharsets.US_ASCII)) {
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
}
