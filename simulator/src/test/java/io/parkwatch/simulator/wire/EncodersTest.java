package io.parkwatch.simulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodersTest {

    @Test
    void theHj212CrcMatchesTheStandardsExample() {
        String segment = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
            + "CP=&&RtdInterval=30&&";
        assertThat(Hj212Encoder.crcHex(segment)).isEqualTo("1C80");
        assertThat(Hj212Encoder.frame(segment, "1C80")).startsWith("##0101QN=").endsWith("&&1C80\r\n");
    }

    @Test
    void anHj212PacketCarriesItsLengthAndChinaTimes() {
        String packet = new String(Hj212Encoder.packet("2011", "15290000000001", Instant.parse("2026-11-23T07:59:00Z"),
            Instant.parse("2026-11-23T07:59:00Z"), "a21026-Rtd=16.2,a21026-Flag=N"), StandardCharsets.US_ASCII);
        int length = Integer.parseInt(packet.substring(2, 6));
        assertThat(packet.length()).isEqualTo(6 + length + 4 + 2);
        assertThat(packet).contains("QN=20261123155900000;").contains("DataTime=20261123155900;");
        String bad = new String(Hj212Encoder.withBadCrc(packet.getBytes(StandardCharsets.US_ASCII)),
            StandardCharsets.US_ASCII);
        assertThat(bad.substring(0, bad.length() - 6)).isEqualTo(packet.substring(0, packet.length() - 6));
        assertThat(bad.substring(bad.length() - 6)).isNotEqualTo(packet.substring(packet.length() - 6));
    }

    @Test
    void aLoggerOnTcpSendsItsOwnPasswordAsksForAnAnswerAndKeepsASpoiledPacketSpoiled() {
        byte[] packet = Hj212Encoder.packet("2011", "15290000000001", Instant.parse("2026-11-23T07:59:00Z"),
            Instant.parse("2026-11-23T07:59:00Z"), "a21026-Rtd=16.2,a21026-Flag=N");
        String sent = new String(Hj212Encoder.forLogin(packet, "a$b\\c", true), StandardCharsets.US_ASCII);
        String segment = sent.substring(6, sent.length() - 6);
        assertThat(segment).contains(";PW=a$b\\c;").contains(";Flag=5;");
        assertThat(Integer.parseInt(sent.substring(2, 6))).isEqualTo(segment.length());
        assertThat(sent.substring(sent.length() - 6, sent.length() - 2)).isEqualTo(Hj212Encoder.crcHex(segment));

        String bad = new String(Hj212Encoder.forLogin(Hj212Encoder.withBadCrc(packet), "pw", true),
            StandardCharsets.US_ASCII);
        assertThat(bad.substring(bad.length() - 6, bad.length() - 2))
            .isNotEqualTo(Hj212Encoder.crcHex(bad.substring(6, bad.length() - 6)));
        byte[] headless = Hj212Encoder.withoutHeader(packet);
        assertThat(Hj212Encoder.forLogin(headless, "pw", true)).isEqualTo(headless);
    }

    @Test
    void aJt808RegistrationBodyHasThe2013Layout() {
        byte[] body = Jt808Encoder.registrationBody("013912345678");
        // province, city, maker 5, model 20, terminal id 7, plate colour, plate text
        assertThat(body).hasSize(2 + 2 + 5 + 20 + 7 + 1 + 7);
        assertThat(new String(body, 29, 7, StandardCharsets.US_ASCII)).isEqualTo("2345678");
    }

    @Test
    void aJt808FrameMatchesTheReferenceLayoutAndEscapesItsFlags() {
        byte[] frame = Jt808Encoder.frame(0x0200, "011223344550", 1, new byte[] {0x7E, 0x7D, 0x01});
        assertThat(HexFormat.of().formatHex(frame)).startsWith("7e0200000301122334455000017d027d0101")
            .endsWith("7e");
        byte[] batch = Jt808Encoder.batchBody(List.of(new byte[] {1, 2}, new byte[] {3}));
        assertThat(HexFormat.of().formatHex(batch)).isEqualTo("0002010002010200010" + "3");
    }
}
