package io.parkwatch.ingest.jt808;

import static io.parkwatch.ingest.jt808.Jt808FrameDecoderTest.assertRejected;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.batchBody;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.fix;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.frame;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.hex;
import static io.parkwatch.ingest.jt808.Jt808TestFrames.locationBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.jt808.Jt808TestFrames.Fix;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class Jt808LocationsTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 23, 15, 59, 0);
    private static final Instant T_UTC = Instant.parse("2026-11-23T07:59:00Z");

    private static List<Observation> observe(byte[] payload) throws RejectedInputException {
        return Jt808Locations.observations(Jt808FrameDecoder.decode(payload));
    }

    private static List<Observation> observeBody(int messageId, byte[] body) throws RejectedInputException {
        return observe(frame(messageId, body).build());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertBodyRejected(byte[] body,
                                                                                      RejectReason reason) {
        return assertRejected(() -> observeBody(0x0200, body), reason);
    }

    @Test
    void decodesTheStandardExampleExactly() throws Exception {
        List<Observation> observations = observe(hex(Jt808TestFrames.STANDARD_EXAMPLE));

        Instant at = Instant.parse("2018-07-15T02:10:10Z");
        assertThat(at).isEqualTo(Instant.parse("2018-07-15T10:10:10+08:00"));
        assertThat(observations).containsExactly(
            new Observation("011223344550|0|" + at.toEpochMilli(), "position", null,
                new Position(12.222222, 132.444444, 6.0, 0, 40, 1, 2), "", at, Quality.N),
            new Observation("011223344550|0|" + at.toEpochMilli() + "|mileage", "mileage", 10.0, null, "km", at,
                Quality.N));
    }

    @Test
    void reportsTheStandardExampleWithItsBits() throws Exception {
        Jt808LocationReport report = Jt808Locations.reports(
            Jt808FrameDecoder.decode(hex(Jt808TestFrames.STANDARD_EXAMPLE))).get(0);

        assertThat(report.positioned()).isTrue();
        assertThat(report.position().alarmBits()).isEqualTo(1L);
        assertThat(report.position().statusBits()).isEqualTo(2L);
        assertThat(report.mileageKm()).isEqualTo(10.0);
    }

    @Test
    void negatesSouthLatitudeAndWestLongitude() throws Exception {
        Fix base = fix(33_856_000, 151_215_000, T);
        Position south = position(new Fix(0, 0x2 | 0x4, 33_856_000, 151_215_000, 0, 0, 0, T, null));
        Position west = position(new Fix(0, 0x2 | 0x8, 51_507_400, 127_800, 0, 0, 0, T, null));
        Position both = position(new Fix(0, 0x2 | 0x4 | 0x8, 34_603_700, 58_381_600, 0, 0, 0, T, null));

        assertThat(position(base).latitude()).isEqualTo(33.856);
        assertThat(south.latitude()).isEqualTo(-33.856);
        assertThat(south.longitude()).isEqualTo(151.215);
        assertThat(west.latitude()).isEqualTo(51.5074);
        assertThat(west.longitude()).isEqualTo(-0.1278);
        assertThat(both.latitude()).isEqualTo(-34.6037);
        assertThat(both.longitude()).isEqualTo(-58.3816);
    }

    private static Position position(Fix fix) throws RejectedInputException {
        return observeBody(0x0200, locationBody(fix)).get(0).position();
    }

    @Test
    void marksAReportWithoutAFixAsBadDataIncludingItsMileage() throws Exception {
        Fix unpositioned = new Fix(0, 0, 0, 0, 0, 0, 0, T, 1234L);

        assertThat(observeBody(0x0200, locationBody(unpositioned)))
            .extracting(Observation::metric, Observation::quality)
            .containsExactly(tuple("position", Quality.B),
                tuple("mileage", Quality.B));
    }

    @Test
    void givesOneObservationWithoutMileageAndSkipsOtherItems() throws Exception {
        byte[] fuel = hex("02 02 0037");
        byte[] signal = hex("30 01 1F");
        byte[] custom = hex("E1 00");

        List<Observation> observations = observeBody(0x0200, locationBody(fix(1, 2, T), fuel, signal, custom));

        assertThat(observations).singleElement().satisfies(o -> {
            assertThat(o.metric()).isEqualTo("position");
            assertThat(o.value()).isNull();
            assertThat(o.unit()).isEmpty();
            assertThat(o.observedAt()).isEqualTo(T_UTC);
            assertThat(o.position()).isEqualTo(new Position(0.000001, 0.000002, 35.5, 90, 12, 0, 2));
            assertThat(o.messageId()).isEqualTo("013912345678|1|" + T_UTC.toEpochMilli());
        });
    }

    @Test
    void findsMileageAfterOtherItems() throws Exception {
        byte[] body = locationBody(fix(1, 2, T), hex("02 02 0037"), hex("01 04 000F4240"));

        assertThat(observeBody(0x0200, body)).last().satisfies(o -> assertThat(o.value()).isEqualTo(100_000.0));
    }

    @Test
    void rejectsATruncatedAdditionalItem() {
        byte[] plain = locationBody(fix(1, 2, T));
        assertBodyRejected(concat(plain, hex("02 04 0037")), RejectReason.JT808_TRUNCATED)
            .hasMessage("body: additional item 0x02 value needs 4 bytes at offset 30, only 2 remain");
        assertBodyRejected(concat(plain, hex("02")), RejectReason.JT808_TRUNCATED)
            .hasMessageContaining("additional item 0x02 length");
    }

    @Test
    void rejectsMileageOfTheWrongLengthOrTwice() {
        byte[] plain = locationBody(fix(1, 2, T));
        assertBodyRejected(concat(plain, hex("01 02 0037")), RejectReason.JT808_MALFORMED)
            .hasMessageContaining("additional item 0x01 (mileage) has length 2");
        assertBodyRejected(concat(plain, hex("01 04 00000001 01 04 00000002")), RejectReason.JT808_MALFORMED)
            .hasMessageContaining("appears twice");
    }

    @Test
    void rejectsABodyShorterThanALocation() {
        assertBodyRejected(Arrays.copyOf(locationBody(fix(1, 2, T)), 27), RejectReason.JT808_TRUNCATED)
            .hasMessage("body: time BCD[6] needs 6 bytes at offset 22, only 5 remain");
    }

    @Test
    void rejectsOtherMessageIdsNamingThemInHex() {
        assertRejected(() -> observeBody(0x0102, new byte[] {1}), RejectReason.JT808_UNSUPPORTED_MESSAGE)
            .hasMessageContaining("message 0x0102 from terminal 013912345678 is not accepted");
    }

    @Test
    void rejectsATimeThatIsNotBcdOrNotADate() {
        byte[] body = locationBody(fix(1, 2, T));
        body[22] = 0x2A;
        assertBodyRejected(body, RejectReason.TIMESTAMP_INVALID)
            .hasMessageContaining("the location time is not BCD: byte 0x2A");
        assertBodyRejected(withTime("230230101010"), RejectReason.TIMESTAMP_INVALID)
            .hasMessageContaining("the location time 230230101010 (YYMMDDhhmmss) is not a calendar date");
        assertBodyRejected(withTime("231301000000"), RejectReason.TIMESTAMP_INVALID);
        assertBodyRejected(withTime("231231240000"), RejectReason.TIMESTAMP_INVALID);
    }

    private static byte[] withTime(String bcd) {
        byte[] body = locationBody(fix(1, 2, T));
        System.arraycopy(hex(bcd), 0, body, 22, 6);
        return body;
    }

    @Test
    void rejectsPositionsOutOfRangeAndAcceptsTheLimits() throws Exception {
        assertBodyRejected(locationBody(fix(90_000_001, 0, T)), RejectReason.JT808_INVALID_POSITION)
            .hasMessage("body: latitude 90.000001° is beyond 90°");
        assertBodyRejected(locationBody(fix(0, 180_000_001, T)), RejectReason.JT808_INVALID_POSITION)
            .hasMessage("body: longitude 180.000001° is beyond 180°");
        assertBodyRejected(locationBody(new Fix(0, 2, 0, 0, 0, 0, 360, T, null)), RejectReason.JT808_INVALID_POSITION)
            .hasMessage("body: direction 360° is beyond 359°");

        Position limits = position(new Fix(0, 0x2 | 0x4 | 0x8, 90_000_000, 180_000_000, 65535, 65535, 359, T, null));
        assertThat(limits).isEqualTo(new Position(-90, -180, 6553.5, 359, 65535, 0, 0xE));
    }

    @Test
    void readsABatchOfThreeWithTheirOwnTimes() throws Exception {
        Fix first = new Fix(0, 2, 40_000_000, 116_000_000, 50, 100, 10, T, 5L);
        byte[] batch = batchBody(1, locationBody(first), locationBody(first.withTime(T.plusMinutes(1))),
            locationBody(fix(40_000_100, 116_000_100, T.plusMinutes(2)), hex("02 02 0037")));

        List<Observation> observations = observe(frame(0x0704, batch).serial(7).build());

        String prefix = "013912345678|7|";
        assertThat(observations).extracting(Observation::messageId).containsExactly(
            prefix + T_UTC.toEpochMilli() + "|1", prefix + T_UTC.toEpochMilli() + "|1|mileage",
            prefix + T_UTC.plusSeconds(60).toEpochMilli() + "|2",
            prefix + T_UTC.plusSeconds(60).toEpochMilli() + "|2|mileage",
            prefix + T_UTC.plusSeconds(120).toEpochMilli() + "|3");
        assertThat(observations).extracting(Observation::observedAt)
            .containsExactly(T_UTC, T_UTC, T_UTC.plusSeconds(60), T_UTC.plusSeconds(60), T_UTC.plusSeconds(120));
        assertThat(observations.get(4).position().latitude()).isEqualTo(40.0001);
        assertThat(observations.get(1).value()).isEqualTo(0.5);
    }

    @Test
    void givesBatchItemsOfTheSameTimeDistinctIdsThatARedeliveryRepeats() throws Exception {
        Fix fix = new Fix(0, 2, 40_000_000, 116_000_000, 50, 100, 10, T, 5L);
        byte[] frame = frame(0x0704, batchBody(0, locationBody(fix), locationBody(fix.withTime(T)))).serial(9).build();

        List<String> ids = observe(frame).stream().map(Observation::messageId).toList();

        String prefix = "013912345678|9|" + T_UTC.toEpochMilli();
        assertThat(ids).containsExactly(prefix + "|1", prefix + "|1|mileage", prefix + "|2", prefix + "|2|mileage");
        assertThat(observe(frame.clone())).extracting(Observation::messageId).isEqualTo(ids);
    }

    @Test
    void readsABatchInA2019Frame() throws Exception {
        byte[] batch = batchBody(0, locationBody(fix(1, 1, T)));

        assertThat(observe(frame(0x0704, batch).version2019("12345678901234567890").build()))
            .singleElement().satisfies(o -> assertThat(o.messageId()).startsWith("12345678901234567890|1|"));
    }

    @Test
    void rejectsBatchesThatDoNotAddUp() {
        byte[] item = locationBody(fix(1, 1, T));
        byte[] two = batchBody(0, item, item);
        byte[] saysThree = two.clone();
        saysThree[1] = 3;
        assertRejected(() -> observeBody(0x0704, saysThree), RejectReason.JT808_TRUNCATED)
            .hasMessageContaining("batch item 3 of 3 length needs 2 bytes");
        assertRejected(() -> observeBody(0x0704, concat(two, new byte[] {0})), RejectReason.JT808_MALFORMED)
            .hasMessage("batch: 1 bytes follow the last of its 2 items");
        assertRejected(() -> observeBody(0x0704, batchBody(0)), RejectReason.JT808_MALFORMED)
            .hasMessage("the batch holds no location report");
        assertRejected(() -> observeBody(0x0704, batchBody(2, item)), RejectReason.JT808_MALFORMED)
            .hasMessageContaining("batch type 2");
    }

    @Test
    void rejectsABatchItemShorterThanALocationNamingTheItem() {
        byte[] item = locationBody(fix(1, 1, T));
        byte[] batch = batchBody(0, item, Arrays.copyOf(item, 20));

        assertRejected(() -> observeBody(0x0704, batch), RejectReason.JT808_TRUNCATED)
            .hasMessage("batch item 2 of 2: direction needs 2 bytes at offset 20, only 0 remain");
    }

    @Test
    void rejectsAnInvalidItemOfABatchNamingIt() {
        byte[] good = locationBody(fix(1, 1, T));
        byte[] batch = batchBody(0, good, good, locationBody(fix(91_000_000, 1, T)));

        assertRejected(() -> observeBody(0x0704, batch), RejectReason.JT808_INVALID_POSITION)
            .hasMessage("batch item 3 of 3: latitude 91.0° is beyond 90°");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
