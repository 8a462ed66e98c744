package io.parkwatch.ingest.hj212;

import io.parkwatch.contracts.rejection.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers parkwatch sends a data logger on its feedback topic: a request answer
 * ({@code ST=91;CN=9011}) with a {@code QnRtn} code, as a valid HJ 212 packet with its CRC.
 * QN, PW and MN are echoed when they can be read off the packet, even one that was refused.
 *
 * <p>QnRtn (HJ 212-2017 request answer table): 1 ready to execute (accepted), 2 request refused,
 * 4 MN error, 8 CN error, 9 CRC error.
 */
public final class Hj212Replies {

    public static final int ACCEPTED = 1;
    public static final int REFUSED = 2;
    public static final int MN_ERROR = 4;
    public static final int CN_ERROR = 8;
    public static final int CRC_ERROR = 9;

    private static final Pattern QN = Pattern.compile("(?:^|[#;0-9])QN=([0-9]{17});");
    private static final Pattern PW = Pattern.compile(";PW=([A-Za-z0-9]{1,32});");
    private static final Pattern MN = Pattern.compile(";MN=([A-Za-z0-9]{1,32});");

    private Hj212Replies() {
    }

    /** The answer to an accepted packet that asked for one. */
    public static byte[] accepted(Hj212Packet packet) {
        return reply(packet.qn(), packet.pw(), packet.mn(), ACCEPTED);
    }

    /** The answer to a refused packet, from whatever of its header is readable. */
    public static byte[] rejected(byte[] payload, RejectReason reason) {
        String text = new String(payload, StandardCharsets.US_ASCII);
        return reply(find(QN, text), find(PW, text), find(MN, text), qnRtn(reason));
    }

    static int qnRtn(RejectReason reason) {
        return switch (reason) {
            case HJ212_BAD_CRC -> CRC_ERROR;
            case HJ212_UNKNOWN_MN, IDENTITY_MISMATCH -> MN_ERROR;
            case HJ212_UNSUPPORTED_COMMAND -> CN_ERROR;
            default -> REFUSED;
        };
    }

    private static byte[] reply(String qn, String pw, String mn, int qnRtn) {
        StringBuilder segment = new StringBuilder();
        if (qn != null) {
            segment.append("QN=").append(qn).append(';');
        }
        segment.append("ST=91;CN=9011;");
        if (pw != null) {
            segment.append("PW=").append(pw).append(';');
        }
        if (mn != null) {
            segment.append("MN=").append(mn).append(';');
        }
        segment.append("Flag=4;CP=&&QnRtn=").append(qnRtn).append("&&");
        return Hj212Crc.frame(segment.toString()).getBytes(StandardCharsets.US_ASCII);
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
