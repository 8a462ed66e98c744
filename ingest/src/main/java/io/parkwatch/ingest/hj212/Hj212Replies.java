package io.parkwatch.ingest.hj212;

import io.parkwatch.contracts.rejection.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers parkwatch sends a data logger, each a valid HJ 212 packet with its CRC (HJ 212-2017
 * §6.6, system interaction commands, ST=91):
 * <ul>
 *   <li>an accepted data upload whose Flag asks for an answer gets the <em>data answer</em>
 *       {@code QN=…;ST=91;CN=9014;PW=…;MN=…;Flag=4;CP=&&&&}: the upload's QN, PW and MN echoed, an
 *       empty CP. Loggers match it by QN and resend an upload that stays unanswered;</li>
 *   <li>a refused packet gets a <em>request answer</em> {@code ST=91;CN=9011;…;CP=&&QnRtn=n&&}, QN,
 *       PW and MN echoed when they can be read off the packet.</li>
 * </ul>
 * {@code Flag=4} marks the answer as 2017 protocol (version bits 000001) asking for no answer itself.
 *
 * <p>QnRtn (the standard's request answer table): 1 ready to execute, 2 request refused, 3 PW
 * error, 4 MN error, 5 ST error, 6 Flag error, 7 QN error, 8 CN error, 9 CRC error, 100 unknown.
 */
public final class Hj212Replies {

    public static final int ACCEPTED = 1;
    public static final int REFUSED = 2;
    /** For the password check of HJ 212 over TCP; MQTT senders are authenticated by the broker instead. */
    public static final int PW_ERROR = 3;
    public static final int MN_ERROR = 4;
    public static final int CN_ERROR = 8;
    public static final int CRC_ERROR = 9;

    private static final Pattern QN = Pattern.compile("(?:^|[#;0-9])QN=([0-9]{17});");
    private static final Pattern PW = Pattern.compile(";PW=([A-Za-z0-9]{1,32});");
    private static final Pattern MN = Pattern.compile(";MN=([A-Za-z0-9]{1,32});");

    private Hj212Replies() {
    }

    /** The data answer (CN 9014) to an accepted data upload that asked for one. */
    public static byte[] dataAnswer(Hj212Packet packet) {
        StringBuilder segment = new StringBuilder();
        if (packet.qn() != null) {
            segment.append("QN=").append(packet.qn()).append(';');
        }
        segment.append("ST=91;CN=9014;");
        identity(segment, packet.pw(), packet.mn());
        segment.append("Flag=4;CP=&&&&");
        return Hj212Crc.frame(segment.toString()).getBytes(StandardCharsets.US_ASCII);
    }

    /** The answer to a refused packet, from whatever of its header is readable. */
    public static byte[] rejected(byte[] payload, RejectReason reason) {
        String text = new String(payload, StandardCharsets.US_ASCII);
        return reply(find(QN, text), find(PW, text), find(MN, text), qnRtn(reason));
    }

    static int qnRtn(RejectReason reason) {
        return switch (reason) {
            case HJ212_BAD_CRC -> CRC_ERROR;
            case HJ212_BAD_PASSWORD -> PW_ERROR;
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
        identity(segment, pw, mn);
        segment.append("Flag=4;CP=&&QnRtn=").append(qnRtn).append("&&");
        return Hj212Crc.frame(segment.toString()).getBytes(StandardCharsets.US_ASCII);
    }

    private static void identity(StringBuilder segment, String pw, String mn) {
        if (pw != null) {
            segment.append("PW=").append(pw).append(';');
        }
        if (mn != null) {
            segment.append("MN=").append(mn).append(';');
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
