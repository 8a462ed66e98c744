package io.parkwatch.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.validate.UnitCatalog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class Hj212FormatTest {

    static final PointEntry STACK = new PointEntry("ordos", "power-co", "stack-1", Module.ENVIRONMENT, "cems-stack",
        Duration.ofMinutes(1), Hj212TestPackets.MN, null);
    static final PointEntry OTHER = new PointEntry("ordos", "chem-co", "stack-9", Module.ENVIRONMENT, "cems-stack",
        Duration.ofMinutes(1), "OTHERMN0001", null);
    static final TopicAddress TOPIC = new TopicAddress("ordos", "power-co", null, PayloadKind.HJ212);

    private final Hj212Format format = new Hj212Format(RegistryView.of(List.of(STACK, OTHER)),
        UnitCatalog.defaults(), Hj212Settings.DEFAULTS);

    private AbstractThrowableAssert<?, ?> refused(byte[] raw, RejectReason reason) {
        return assertThatThrownBy(() -> format.decode(TOPIC, raw))
            .isInstanceOf(RejectedInputException.class)
            .satisfies(e -> assertThat(((RejectedInputException) e).reason()).isEqualTo(reason));
    }

    @Test
    void aRealTimePacketBecomesOneReadingPerValueWithUnitQualityAndChinaTime() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=35.2,a21026-ZsRtd=38.0,"
            + "a21026-Flag=N;a21002-Rtd=48.1,a21002-Flag=T;a00000-Rtd=12.5;a01012-Rtd=140.2,a01012-Flag=D").bytes();

        DecodedPayload decoded = format.decode(TOPIC, raw);

        assertThat(format.sourceFormat()).isEqualTo(SourceFormat.HJ212);
        assertThat(decoded.point()).isEqualTo(STACK);
        Instant at = Instant.parse("2026-11-23T07:59:00Z");
        String id = Hj212TestPackets.MN + "|20261123155900123|";
        assertThat(decoded.observations()).containsExactly(
            Observation.value(id + "a21026-Rtd", "a21026-Rtd", 35.2, "mg/m3", at, Quality.N),
            Observation.value(id + "a21026-ZsRtd", "a21026-ZsRtd", 38.0, "mg/m3", at, Quality.N),
            Observation.value(id + "a21002-Rtd", "a21002-Rtd", 48.1, "mg/m3", at, Quality.T),
            Observation.value(id + "a00000-Rtd", "a00000-Rtd", 12.5, "m3/s", at, Quality.N),
            Observation.value(id + "a01012-Rtd", "a01012-Rtd", 140.2, "degC", at, Quality.D));
        assertThat(decoded.acceptedReply()).as("Flag=4 asks for no answer").isEmpty();
    }

    @Test
    void theReadmeExampleIsAValidPacket() throws Exception {
        String readme = "##0170QN=20261123155900123;ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;"
            + "CP=&&DataTime=20261123155900;a21026-Rtd=35.2,a21026-Flag=N;a21002-Rtd=48.1,a21002-Flag=T&&3600";
        assertThat(format.decode(TOPIC, readme.getBytes(StandardCharsets.US_ASCII)).observations()).hasSize(2);
    }

    @Test
    void minuteHourAndDayDataCarryTheirPeriodAndStartAtDataTime() throws Exception {
        String cp = "DataTime=20261123150000;a21026-Min=30.1,a21026-Avg=33.3,a21026-Max=36.9,a21026-Cou=1.25,"
            + "a21026-Flag=N;w00000-Avg=2.5,w00000-Cou=540";
        assertThat(format.decode(TOPIC, Hj212TestPackets.packet("2061", cp).bytes()).observations())
            .extracting(Observation::metric, Observation::unit, Observation::value, Observation::observedAt)
            .containsExactly(
                tuple("a21026-Min-hour", "mg/m3", 30.1, Instant.parse("2026-11-23T07:00:00Z")),
                tuple("a21026-Avg-hour", "mg/m3", 33.3, Instant.parse("2026-11-23T07:00:00Z")),
                tuple("a21026-Max-hour", "mg/m3", 36.9, Instant.parse("2026-11-23T07:00:00Z")),
                tuple("a21026-Cou-hour", "kg", 1.25, Instant.parse("2026-11-23T07:00:00Z")),
                tuple("w00000-Avg-hour", "L/s", 2.5, Instant.parse("2026-11-23T07:00:00Z")),
                tuple("w00000-Cou-hour", "m3", 540.0, Instant.parse("2026-11-23T07:00:00Z")));
        assertThat(format.decode(TOPIC, Hj212TestPackets.packet("2051", cp).bytes()).observations().get(1).metric())
            .isEqualTo("a21026-Avg-minute");
        assertThat(format.decode(TOPIC, Hj212TestPackets.packet("2031", cp).bytes()).observations().get(1).metric())
            .isEqualTo("a21026-Avg-day");
    }

    @Test
    void aLegacy2005PacketIsReadWithTodaysFactorCodesAndDataTimeInItsIds() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011",
            "DataTime=20261123155900;02-Rtd=35.2,02-Flag=N;B02-Rtd=12.5;S03-Rtd=140;01-ZsRtd=8.5").legacy().bytes();

        assertThat(format.decode(TOPIC, raw).observations())
            .extracting(Observation::messageId, Observation::unit)
            .containsExactly(
                tuple(Hj212TestPackets.MN + "|20261123155900|a21026-Rtd", "mg/m3"),
                tuple(Hj212TestPackets.MN + "|20261123155900|a00000-Rtd", "m3/s"),
                tuple(Hj212TestPackets.MN + "|20261123155900|a01012-Rtd", "degC"),
                tuple(Hj212TestPackets.MN + "|20261123155900|a34013-ZsRtd", "mg/m3"));
    }

    @Test
    void aDataUploadAskingForAnAnswerGetsA9014DataAnswerAndOneAskingForNoneGetsNothing() throws Exception {
        for (String cn : List.of("2011", "2051", "2061", "2031")) {
            byte[] raw = Hj212TestPackets.packet(cn, "DataTime=20261123155900;a21026-Rtd=35.2").flag("5").bytes();

            String reply = new String(format.decode(TOPIC, raw).acceptedReply().orElseThrow(), StandardCharsets.US_ASCII);

            assertThat(Hj212RepliesTest.assertFramed(reply)).as(cn).isEqualTo("QN=20261123155900123;ST=91;CN=9014;"
                + "PW=123456;MN=" + Hj212TestPackets.MN + ";Flag=4;CP=&&&&");
        }
        byte[] quiet = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=35.2").flag("4").bytes();
        assertThat(format.decode(TOPIC, quiet).acceptedReply()).isEmpty();
    }

    @Test
    void everyFactorOfTheStandardsTablesIsReadWithItsUnitAndTotalUnit() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2061", "DataTime=20261123150000;a21004-Avg=20.1,a21004-Cou=1.5;"
            + "a05002-Avg=1800;w01009-Avg=6.5;w01010-Avg=18.2;w20111-Avg=0.3,w20111-Cou=0.02;LA-Avg=55.0").bytes();

        assertThat(format.decode(TOPIC, raw).observations()).extracting(Observation::metric, Observation::unit)
            .containsExactly(tuple("a21004-Avg-hour", "mg/m3"), tuple("a21004-Cou-hour", "kg"),
                tuple("a05002-Avg-hour", "ng/m3"), tuple("w01009-Avg-hour", "mg/L"), tuple("w01010-Avg-hour", "degC"),
                tuple("w20111-Avg-hour", "ug/L"), tuple("w20111-Cou-hour", "g"), tuple("LA-Avg-hour", "dB"));
    }

    @Test
    void a2005CodeOfTheStandardsOriginalCodeColumnIsReadAsIts2017Code() throws Exception {
        byte[] raw = Hj212TestPackets.packet("2011", "DataTime=20261123155900;023-Rtd=0.4;060-Rtd=1.2").legacy().bytes();

        assertThat(format.decode(TOPIC, raw).observations()).extracting(Observation::metric, Observation::unit)
            .containsExactly(tuple("w20116-Rtd", "mg/L"), tuple("w21003-Rtd", "mg/L"));
    }

    @Test
    void anUnknownMnAnotherEnterprisesMnAndAnUnsupportedCommandAreRefused() {
        String cp = "DataTime=20261123155900;a21026-Rtd=35.2";
        refused(Hj212TestPackets.packet("2011", cp).mn("NOSUCHMN").bytes(), RejectReason.HJ212_UNKNOWN_MN)
            .hasMessageContaining("MN NOSUCHMN is not registered in park 'ordos'");
        refused(Hj212TestPackets.packet("2011", cp).mn("OTHERMN0001").bytes(), RejectReason.IDENTITY_MISMATCH);
        refused(Hj212TestPackets.STANDARD_EXAMPLE.getBytes(StandardCharsets.US_ASCII),
            RejectReason.HJ212_UNSUPPORTED_COMMAND).hasMessageContaining("CN 1062");
        refused(Hj212TestPackets.packet("2021", cp).bytes(), RejectReason.HJ212_UNSUPPORTED_COMMAND);
    }

    @Test
    void aFactorWithoutAKnownUnitIsRefusedNotGuessed() {
        refused(Hj212TestPackets.packet("2011", "DataTime=20261123155900;a99054-Rtd=3.1").bytes(),
            RejectReason.UNKNOWN_UNIT).hasMessageContaining("factor a99054 has no unit");
        refused(Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=1;w01008-Rtd=3.1").bytes(),
            RejectReason.UNKNOWN_UNIT).hasMessageContaining("factor w01008 has no unit");
        refused(Hj212TestPackets.packet("2011", "DataTime=20261123155900;999-Rtd=3.1").legacy().bytes(),
            RejectReason.UNKNOWN_UNIT).hasMessageContaining("factor 999 has no unit");
    }

    @Test
    void allPartsOfASplitPacketInOneMessageAreReadAsOnePacketInAnyOrder() throws Exception {
        Hj212TestPackets.Builder one = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=35.2")
            .flag("7").part(2, 1);
        Hj212TestPackets.Builder two = Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21002-Rtd=48.1")
            .flag("7").part(2, 2);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(two.bytes());
        both.writeBytes(one.bytes());

        DecodedPayload decoded = format.decode(TOPIC, both.toByteArray());

        assertThat(decoded.observations()).extracting(Observation::metric).containsExactly("a21026-Rtd", "a21002-Rtd");
        assertThat(new String(decoded.acceptedReply().orElseThrow(), StandardCharsets.US_ASCII))
            .contains(";CN=9014;").contains("CP=&&&&");
        refused(one.bytes(), RejectReason.HJ212_SPLIT_INCOMPLETE).hasMessageContaining("parts [1] of 2 here");
        assertThat(format.parts()).as("holding separately sent parts is off by default").isEmpty();
    }

    @Test
    void packetsOfDifferentRequestsInOneMessageAreRefused() {
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        two.writeBytes(Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=1").bytes());
        two.writeBytes(Hj212TestPackets.packet("2011", "DataTime=20261123155900;a21026-Rtd=2").bytes());
        refused(two.toByteArray(), RejectReason.HJ212_MALFORMED).hasMessageContaining("only the parts");
    }
}
