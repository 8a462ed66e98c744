package io.parkwatch.sink;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.influx.InfluxSchema;
import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Reading;
import java.time.Instant;

/**
 * Turns contract records into InfluxDB points (schema in {@link InfluxSchema} and docs/influxdb.md). The
 * timestamp is the event time and the tags identify the series, so the same record always makes
 * the same point and a replay overwrites instead of doubling.
 */
public final class PointMapping {

    private PointMapping() {
    }

    public static Point reading(Reading reading) {
        Point point = Point.measurement(reading.position() != null ? InfluxSchema.POSITION : InfluxSchema.READING)
            .addTag(InfluxSchema.TAG_PARK, reading.park())
            .addTag(InfluxSchema.TAG_ENTERPRISE, reading.enterprise())
            .addTag(InfluxSchema.TAG_POINT, reading.point())
            .addTag(InfluxSchema.TAG_DOMAIN, reading.domain().name())
            .addTag(InfluxSchema.TAG_METRIC, reading.metric())
            .addTag(InfluxSchema.TAG_QUALITY, reading.quality().name())
            .addField(InfluxSchema.FIELD_MESSAGE_ID, reading.messageId())
            .time(nanos(reading.observedAt()), WritePrecision.NS);
        if (!reading.unit().isEmpty()) {
            point.addTag(InfluxSchema.TAG_UNIT, reading.unit());
        }
        if (reading.value() != null) {
            point.addField(InfluxSchema.FIELD_VALUE, reading.value());
        }
        if (reading.position() != null) {
            Position position = reading.position();
            point.addField(InfluxSchema.FIELD_LATITUDE, position.latitude())
                .addField(InfluxSchema.FIELD_LONGITUDE, position.longitude())
                .addField(InfluxSchema.FIELD_SPEED, position.speedKmh())
                .addField(InfluxSchema.FIELD_HEADING, position.headingDegrees())
                .addField(InfluxSchema.FIELD_ALTITUDE, position.altitudeMetres())
                .addField(InfluxSchema.FIELD_ALARM, position.alarmBits())
                .addField(InfluxSchema.FIELD_STATUS, position.statusBits());
        }
        return point;
    }

    public static Point aggregate(Aggregate aggregate) {
        return Point.measurement(InfluxSchema.AGGREGATE)
            .addTag(InfluxSchema.TAG_PARK, aggregate.park())
            .addTag(InfluxSchema.TAG_ENTERPRISE, aggregate.enterprise())
            .addTag(InfluxSchema.TAG_POINT, aggregate.point())
            .addTag(InfluxSchema.TAG_DOMAIN, aggregate.domain() == null ? "" : aggregate.domain().name())
            .addTag(InfluxSchema.TAG_METRIC, aggregate.metric())
            .addTag(InfluxSchema.TAG_WINDOW, aggregate.window())
            .addField(InfluxSchema.FIELD_MEAN, aggregate.mean())
            .addField(InfluxSchema.FIELD_MIN, aggregate.min())
            .addField(InfluxSchema.FIELD_MAX, aggregate.max())
            .addField(InfluxSchema.FIELD_COUNT, aggregate.count())
            .addField(InfluxSchema.FIELD_GOOD_COUNT, aggregate.goodCount())
            .time(nanos(aggregate.windowStart()), WritePrecision.NS);
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
