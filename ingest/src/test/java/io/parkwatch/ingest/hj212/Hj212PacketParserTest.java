package io.parkwatch.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.RejectedInputException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class Hj212PacketParserTest {

    private static final String CP = "DataTime=20261123155900;a21026-Rtd=35.2,a21026-Flag=N";

    private static AbstractThrowableAssert<?, ?> refused(byte[] raw, RejectReason reason) {
        return assertThatThrownBy(() -> Hj212PacketParser.parse(raw))
            .isInstanceOf(RejectedInputException.class)
            .satisfies(e -> assertThat(((RejectedInputException) e).reason()).isEqualTo(reason));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theStandardsExampleIsValidAndItsHeaderIsRead() throws Exception {
        Hj212Packet packet = Hj212PacketParser.parse(ascii(Hj212TestPackets.STANDARD_EXAMPLE + "\r\n"));

        assertThat(packet.qn()).isEqualTo("20160801085857223");
        assertThat(packet.st()).isEqualTo("32");
        assertThat(packet.cn()).isEqualTo("1062");
        assertThat(packet.pw()).isEqualTo("100000");
        assertThat(packet.mn()).isEqualTo("010000A8900016F000169DC0");
        assertThat(packet.flag()).isEqualTo(5);
        assertThat(packet.cp()).isEqualTo("RtdInterval=30");
        assertThat(packet.replyRequested()).isTrue();
        assertThat(packet.split()).isFalse();
        assertThat(packet.legacy()).isFalse();
    }

    @Test
    void bothCrcImplementationsAgreeWithTheStandardsExample() {
        String segment = Hj212TestPackets.STANDARD_EXAMPLE.substring(6, 6 + 101);
        assertThat(Hj212Crc.of(segment)).isEqualTo(0x1C80).isEqualTo(Hj212TestPackets.crc(segment));
    }

    @Test
    void aLowerCaseCrcAndAMissingCrLfAreAccepted() throws Exception {
        String packet = Hj212TestPackets.packet("2011", CP).withoutCrLf().text();
        String lower = packet.substring(0, packet.length() - 4) + packet.substring(packet.length() - 4).toLowerCase();
        assertThat(Hj212PacketParser.parse(ascii(lower)).cn()).isEqualTo("2011");
    }

    @Test
    void aPacketEndingInLfAloneIsReadLikeOneEndingInCrLf() throws Exception {
        Hj212Packet crLf = Hj212PacketParser.parse(Hj212TestPackets.packet("2011", CP).bytes());
        Hj212Packet lf = Hj212PacketParser.parse(Hj212TestPackets.packet("2011", CP).lfOnly().bytes());

        assertThat(lf).isEqualTo(crLf);
    }

    @Test
    void partsEndingInLfAloneAreSplitLikePartsEndingInCrLf() throws Exception {
        String one = Hj212TestPackets.packet("2011", CP).flag("7").part(2, 1).lfOnly().text();
        String two = Hj212TestPackets.packet("2011", CP).flag("7").part(2, 2).lfOnly().text();

        assertThat(Hj212PacketParser.parseAll(ascii(one + two))).extracting(Hj212Packet::pno).containsExactly(1, 2);
        refused(ascii(one.replace("\n", "\n\n") + two), RejectReason.HJ212_NOT_ASCII)
            .as("only one line end may follow a packet");
    }

    @Test
    void aHeaderFieldRepeatedWithTheSameValueIsReadOnce() throws Exception {
        String segment = "QN=20261123155900123;ST=31;CN=2011;PW=123456;MN=" + Hj212TestPackets.MN
            + ";MN=" + Hj212TestPackets.MN + ";Flag=5;Flag=5;CP=&&" + CP + "&&";

        Hj212Packet packet = Hj212PacketParser.parse(ascii(Hj212TestPackets.frame(segment, "\r\n")));

        assertThat(packet.mn()).isEqualTo(Hj212TestPackets.MN);
        assertThat(packet.flag()).isEqualTo(5);
    }

    @Test
    void aHeaderFieldRepeatedWithAnotherValueIsRefused() {
        String segment = "QN=20261123155900123;ST=31;CN=2011;PW=123456;MN=" + Hj212TestPackets.MN
            + ";MN=OTHERMN0001;Flag=4;CP=&&" + CP + "&&";

        refused(ascii(Hj212TestPackets.frame(segment, "\r\n")), RejectReason.HJ212_MALFORMED)
            .hasMessageContaining("header field MN appears twice with different values (" + Hj212TestPackets.MN
                + ", then OTHERMN0001)");
    }

    @Test
    void aWrongCrcIsRefusedWithBothValues() {
        refused(Hj212TestPackets.packet("2011", CP).crc("ABCD").bytes(), RejectReason.HJ212_BAD_CRC)
            .hasMessageContaining("CRC ABCD does not match");
    }

    @Test
    void aLengthFieldThatDoesNotMatchIsRefused() {
        Hj212TestPackets.Builder builder = Hj212TestPackets.packet("2011", CP);
        int real = builder.segment().length();
        refused(Hj212TestPackets.packet("2011", CP).length(real + 1).bytes(), RejectReason.HJ212_BAD_LENGTH)
            .hasMessageContaining("length field says " + (real + 1) + " characters but " + real);
    }

    @Test
    void aTruncatedPacketIsRefusedByItsLength() {
        String whole = Hj212TestPackets.packet("2011", CP).text();
        refused(ascii(whole.substring(0, whole.length() - 12)), RejectReason.HJ212_BAD_LENGTH);
        refused(ascii("##01"), RejectReason.HJ212_MALFORMED);
    }

    @Test
    void aPacketWithoutItsLeadingHashesIsRefused() {
        refused(ascii(Hj212TestPackets.packet("2011", CP).text().substring(2)), RejectReason.HJ212_MALFORMED)
            .hasMessageContaining("does not start with ##");
    }

    @Test
    void aNonAsciiByteIsRefusedWithItsOffset() {
        byte[] raw = Hj212TestPackets.packet("2011", CP).bytes();
        raw[20] = (byte) 0xE6;
        refused(raw, RejectReason.HJ212_NOT_ASCII).hasMessageContaining("byte 0xE6 at offset 20");
        refused(ascii("##00\n10"), RejectReason.HJ212_NOT_ASCII);
        refused(ascii(Hj212TestPackets.packet("2011", CP).withoutCrLf().text() + "\r"), RejectReason.HJ212_NOT_ASCII)
            .as("a CR alone does not end a packet");
    }

    @Test
    void aDataSegmentOverTheStandardsCapIsRefused() {
        String cp = "DataTime=20261123155900;a21026-Rtd=" + "1".repeat(1100);
        refused(Hj212TestPackets.packet("2011", cp).bytes(), RejectReason.HJ212_BAD_LENGTH)
            .hasMessageContaining("exceeds the standard's 1024");
    }

    @Test
    void headerDefectsAreRefusedAsMalformed() {
        refused(ascii(Hj212Crc.frame("QN=20261123155900123;ST=31;CN=2011;PW=1;MN=X;Flag=4;")),
            RejectReason.HJ212_MALFORMED).hasMessageContaining("no CP=&&");
        refused(ascii(Hj212Crc.frame("ST=31;CN=2011;PW=1;Flag=4;CP=&&DataTime=20261123155900&&")),
            RejectReason.HJ212_MALFORMED).hasMessageContaining("no MN");
        refused(Hj212TestPackets.packet("2011", CP).qn("2026").bytes(), RejectReason.HJ212_MALFORMED)
            .hasMessageContaining("QN '2026'");
        refused(Hj212TestPackets.packet("2011", CP).flag("x").bytes(), RejectReason.HJ212_MALFORMED);
        refused(ascii(Hj212Crc.frame("ST=31;CN=2011;XX=1;MN=X;CP=&&DataTime=20261123155900&&")),
            RejectReason.HJ212_MALFORMED).hasMessageContaining("XX=1");
        refused(ascii(Hj212Crc.frame("ST=31;CN=2011;MN=X;CP=&&DataTime=20261123155900")),
            RejectReason.HJ212_MALFORMED).hasMessageContaining("does not end with &&");
    }

    @Test
    void flagBitsTellReplySplitAndVersion() throws Exception {
        assertThat(Hj212PacketParser.parse(Hj212TestPackets.packet("2011", CP).flag("7").part(2, 1).bytes()))
            .satisfies(p -> {
                assertThat(p.split()).isTrue();
                assertThat(p.replyRequested()).isTrue();
                assertThat(p.pnum()).isEqualTo(2);
                assertThat(p.pno()).isEqualTo(1);
            });
        assertThat(Hj212PacketParser.parse(Hj212TestPackets.packet("2011", CP).flag("8").bytes()))
            .satisfies(p -> {
                assertThat(p.replyRequested()).isFalse();
                assertThat(p.split()).isFalse();
                assertThat(p.legacy()).isFalse();
            });
        assertThat(Hj212PacketParser.parse(Hj212TestPackets.packet("2011", CP).legacy().bytes()).legacy()).isTrue();
    }
}
