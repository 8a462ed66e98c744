package io.parkwatch.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.input.RejectedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Hj212RepliesTest {

    /** A reply is itself a valid packet: our parser reads it and the test-side CRC agrees. */
    static void assertValidPacket(String reply) throws RejectedInputException {
        assertThat(reply).startsWith("##").endsWith("\r\n");
        String segment = reply.substring(6, reply.length() - 6);
        assertThat(Integer.parseInt(reply.substring(2, 6))).isEqualTo(segment.length());
        assertThat(reply.substring(reply.length() - 6, reply.length() - 2))
            .isEqualTo(String.format("%04X", Hj212TestPackets.crc(segment)));
        assertThat(segment).contains("ST=91;CN=9011;").endsWith(";Flag=4;CP=&&QnRtn=" + segment.replaceAll(".*QnRtn=", ""));
        if (segment.contains("MN=")) {
            assertThat(Hj212PacketParser.parse(reply.getBytes(StandardCharsets.US_ASCII)).cn()).isEqualTo("9011");
        }
    }

    private static String rejected(byte[] payload, RejectReason reason) throws RejectedInputException {
        String reply = new String(Hj212Replies.rejected(payload, reason), StandardCharsets.US_ASCII);
        assertValidPacket(reply);
        return reply;
    }

    @Test
    void aBadCrcIsAnsweredWithQnRtn9EchoingQnPwAndMn() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=1").crc("0000").bytes();
        assertThat(rejected(raw, RejectReason.HJ212_BAD_CRC)).contains("QN=20261123155900123;ST=91;CN=9011;"
            + "PW=123456;MN=" + Hj212TestPackets.MN + ";Flag=4;CP=&&QnRtn=9&&");
    }

    @Test
    void eachRefusalHasItsQnRtnCode() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=1").bytes();
        assertThat(rejected(raw, RejectReason.HJ212_UNKNOWN_MN)).contains("QnRtn=4&&");
        assertThat(rejected(raw, RejectReason.IDENTITY_MISMATCH)).contains("QnRtn=4&&");
        assertThat(rejected(raw, RejectReason.HJ212_UNSUPPORTED_COMMAND)).contains("QnRtn=8&&");
        assertThat(rejected(raw, RejectReason.NON_FINITE_VALUE)).contains("QnRtn=2&&");
        assertThat(rejected(raw, RejectReason.HJ212_SPLIT_INCOMPLETE)).contains("QnRtn=2&&");
    }

    @Test
    void anUnreadablePacketIsStillAnsweredWithAValidPacketWithoutEchoes() throws Exception {
        String reply = rejected("garbage;MN=\u00e6;QN=1".getBytes(StandardCharsets.ISO_8859_1),
            RejectReason.HJ212_NOT_ASCII);
        assertThat(reply).isEqualTo(Hj212Crc.frame("ST=91;CN=9011;Flag=4;CP=&&QnRtn=2&&"));
    }
}
