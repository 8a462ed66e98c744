package io.parkwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.influx.InfluxSchema;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PointMappingTest {

    private static final Instant AT = Instant.parse("2026-11-23T02:00:00.123456789Z");
    private static final long AT_NANOS = AT.getEpochSecond() * 1_000_000_000L + 123_456_789L;

    private static Reading reading(String enterprise, String messageId, Double value, Position position, String unit,
                                   Quality quality) {
        return Reading.builder().messageId(messageId).park("p").enterprise(enterprise).point("stack-1")
            .domain(Domain.EMISSIONS).metric("a21026-Rtd").value(value).position(position).unit(unit).observedAt(AT)
            .receivedAt(AT.plusSeconds(2)).quality(quality).sourceFormat(SourceFormat.HJ212).build();
    }

    @Test
    void aReadingIsOnePointTaggedBySeriesAndStampedWithItsObservedTimeInNanoseconds() {
        assertThat(PointMapping.reading(reading("e1", "m1", 31.5, null, "mg/m3", Quality.N)).toLineProtocol())
            .isEqualTo("reading,domain=EMISSIONS,enterprise=e1,metric=a21026-Rtd,park=p,point=stack-1,quality=N,"
                + "unit=mg/m3 message_id=\"m1\",value=31.5 " + AT_NANOS);
    }

    @Test
    void aFlaggedReadingKeepsItsFlagAsTheQualityTagAndAReadingWithoutUnitHasNoUnitTag() {
        assertThat(PointMapping.reading(reading("e1", "m1", 80.0, null, null, Quality.D)).toLineProtocol())
            .isEqualTo("reading,domain=EMISSIONS,enterprise=e1,metric=a21026-Rtd,park=p,point=stack-1,quality=D "
                + "message_id=\"m1\",value=80.0 " + AT_NANOS);
    }

    @Test
    void aPositionGoesToThePositionMeasurementWithItsFieldsAndNoValue() {
        Position position = new Position(39.6, 109.8, 42.5, 270, 1350, 4L, 3L);
        String line = PointMapping.reading(reading("fleet", "m2", null, position, null, Quality.N)).toLineProtocol();
        assertThat(line).startsWith(InfluxSchema.POSITION + ",domain=EMISSIONS,enterprise=fleet,")
            .contains(InfluxSchema.FIELD_LATITUDE + "=39.6", InfluxSchema.FIELD_LONGITUDE + "=109.8",
                InfluxSchema.FIELD_SPEED + "=42.5", InfluxSchema.FIELD_HEADING + "=270i",
                InfluxSchema.FIELD_ALTITUDE + "=1350i", InfluxSchema.FIELD_ALARM + "=4i",
                InfluxSchema.FIELD_STATUS + "=3i")
            .doesNotContain(InfluxSchema.FIELD_VALUE + "=")
            .endsWith(" " + AT_NANOS);
    }

    @Test
    void anAggregateIsStampedWithItsWindowStartAndCarriesMeanMinMaxAndCounts() {
        Instant hour = Instant.parse("2026-11-23T02:00:00Z");
        Aggregate aggregate = new Aggregate("p1", "e1", "stack-01", Domain.EMISSIONS, "a21026-Rtd", "mg/m3", "1h", hour,
            hour.plusSeconds(3600), 10, 9, 300.0, 25.0, 35.0);
        assertThat(PointMapping.aggregate(aggregate).toLineProtocol()).isEqualTo(
            "aggregate,domain=EMISSIONS,enterprise=e1,metric=a21026-Rtd,park=p1,point=stack-01,window=1h "
                + "count=10i,good_count=9i,max=35.0,mean=30.0,min=25.0 " + hour.getEpochSecond() * 1_000_000_000L);
    }

    @Test
    void hostileTagAndFieldValuesAreEscapedIntoOneLineWithNoExtraTagOrField() {
        String line = PointMapping.reading(reading("e 1,x=y", "m\"1\\ z=2", 1.0, null, "mg/m3", Quality.N))
            .toLineProtocol();
        assertThat(line).isEqualTo("reading,domain=EMISSIONS,enterprise=e\\ 1\\,x\\=y,metric=a21026-Rtd,park=p,"
            + "point=stack-1,quality=N,unit=mg/m3 message_id=\"m\\\"1\\\\ z=2\",value=1.0 " + AT_NANOS);
    }

    @Test
    void aNewlineInATagValueDoesNotStartASecondLine() {
        String line = PointMapping.reading(reading("e1\nreading,park=evil value=666", "m1", 1.0, null, "mg/m3",
            Quality.N)).toLineProtocol();
        assertThat(line).doesNotContain("\n");
    }
}
