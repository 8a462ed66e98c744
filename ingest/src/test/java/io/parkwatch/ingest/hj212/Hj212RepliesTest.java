package io.parkwatch.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Hj212RepliesTest {

    /** A request answer is itself a valid packet: our parser reads it and the test-side CRC agrees. */
    static void assertValidPacket(String reply) throws RejectedInputException {
        String segment = assertFramed(reply);
        assertThat(segment).contains("ST=91;CN=9011;").endsWith(";Flag=4;CP=&&QnRtn=" + segment.replaceAll(".*QnRtn=", ""));
        if (segment.contains("MN=")) {
            assertThat(Hj212PacketParser.parse(reply.getBytes(StandardCharsets.US_ASCII)).cn()).isEqualTo("9011");
        }
    }

    /** {@code ##}, the length of the segment, the segment, its CRC by the test's own loop, CR LF. */
    static String assertFramed(String reply) {
        assertThat(reply).startsWith("##").endsWith("\r\n");
        String segment = reply.substring(6, reply.length() - 6);
        assertThat(Integer.parseInt(reply.substring(2, 6))).isEqualTo(segment.length());
        assertThat(reply.substring(reply.length() - 6, reply.length() - 2))
            .isEqualTo(String.format("%04X", Hj212TestPackets.crc(segment)));
        return segment;
    }

    private static String rejected(byte[] payload, RejectReason reason) throws RejectedInputException {
        String reply = new String(Hj212Replies.rejected(payload, reason), StandardCharsets.US_ASCII);
        assertValidPacket(reply);
        return reply;
    }

    @Test
    void aDataUploadAskingForAnAnswerGetsTheStandards9014DataAnswer() throws Exception {
        Hj212Packet upload = Hj212PacketParser.parse(
            Hj212TestPackets.packet("2061", "DataTime=20261123150000;a21026-Avg=35.2").flag("5").bytes());

        String reply = new String(Hj212Replies.dataAnswer(upload), StandardCharsets.US_ASCII);

        String segment = "QN=20261123155900123;ST=91;CN=9014;PW=123456;MN=" + Hj212TestPackets.MN
            + ";Flag=4;CP=&&&&";
        assertThat(reply).isEqualTo("##" + String.format("%04d", segment.length()) + segment
            + String.format("%04X", Hj212TestPackets.crc(segment)) + "\r\n");
        assertThat(assertFramed(reply)).isEqualTo(segment);
        Hj212Packet answer = Hj212PacketParser.parse(reply.getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.cn()).isEqualTo("9014");
        assertThat(answer.replyRequested()).as("an answer asks for no answer").isFalse();
    }

    /** The standard's own example of a data answer, with the CRC the test computes for it. */
    @Test
    void theDataAnswerMatchesTheStandardsExampleLayout() throws Exception {
        String example = "QN=20160801085000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&";
        Hj212Packet upload = Hj212PacketParser.parse(Hj212TestPackets.packet("2011", "DataTime=20160801085000;LA-Rtd=50.1")
            .qn("20160801085000001").mn("010000A8900016F000169DC0").flag("5").bytes());

        assertThat(assertFramed(new String(Hj212Replies.dataAnswer(upload), StandardCharsets.US_ASCII)))
            .isEqualTo(example);
    }

    @Test
    void aBadCrcIsAnsweredWithQnRtn9EchoingQnPwAndMn() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=1").crc("0000").bytes();
        assertThat(rejected(raw, RejectReason.HJ212_BAD_CRC)).contains("QN=20261123155900123;ST=91;CN=9011;"
            + "PW=123456;MN=" + Hj212TestPackets.MN + ";Flag=4;CP=&&QnRtn=9&&");
    }

    @Test
    void eachRefusalHasItsQnRtnCodeFromTheStandardsTable() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=1").bytes();
        assertThat(rejected(raw, RejectReason.HJ212_BAD_CRC)).contains("QnRtn=9&&");
        assertThat(rejected(raw, RejectReason.HJ212_BAD_PASSWORD)).contains("QnRtn=3&&");
        assertThat(rejected(raw, RejectReason.HJ212_UNKNOWN_MN)).contains("QnRtn=4&&");
        assertThat(rejected(raw, RejectReason.IDENTITY_MISMATCH)).contains("QnRtn=4&&");
        assertThat(rejected(raw, RejectReason.HJ212_UNSUPPORTED_COMMAND)).contains("QnRtn=8&&");
        assertThat(rejected(raw, RejectReason.NON_FINITE_VALUE)).contains("QnRtn=2&&");
        assertThat(rejected(raw, RejectReason.HJ212_SPLIT_INCOMPLETE)).contains("QnRtn=2&&");
        assertThat(rejected(raw, RejectReason.UNKNOWN_UNIT)).contains("QnRtn=2&&");
        assertThat(new int[] {Hj212Replies.REFUSED, Hj212Replies.PW_ERROR, Hj212Replies.MN_ERROR,
            Hj212Replies.CN_ERROR, Hj212Replies.CRC_ERROR}).containsExactly(2, 3, 4, 8, 9);
    }

    @Test
    void anUnreadablePacketIsStillAnsweredWithAValidPacketWithoutEchoes() throws Exception {
        String reply = rejected("garbage;MN=\u00e6;QN=1".getBytes(StandardCharsets.ISO_8859_1),
            RejectReason.HJ212_NOT_ASCII);
        assertThat(reply).isEqualTo(Hj212Crc.frame("ST=91;CN=9011;Flag=4;CP=&&QnRtn=2&&"));
    }
}
