package io.parkwatch.sink;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.time.Instant;

/**
 * InfluxDB points of the coverage topology's outputs (names in {@link InfluxSchema}, docs/influxdb.md).
 * Coverage rows are a time series at their computation instants; a completeness row is stamped
 * with the start of its day, so each update of a day overwrites the previous one; alert events
 * are stamped with their own instant.
 */
public final class CoveragePoints {

    private CoveragePoints() {
    }

    public static Point coverage(CoverageRow row) {
        return Point.measurement(InfluxSchema.COVERAGE)
            .addTag(InfluxSchema.TAG_PARK, row.park())
            .addTag(InfluxSchema.TAG_MODULE, row.module().name())
            .addTag(InfluxSchema.TAG_CLASS, row.entityClass())
            .addField(InfluxSchema.FIELD_REQUIRED, row.required())
            .addField(InfluxSchema.FIELD_LIVE, row.live())
            .addField(InfluxSchema.FIELD_RATIO, row.ratio())
            .addField(InfluxSchema.FIELD_TARGET, row.target())
            .addField(InfluxSchema.FIELD_COMPLIANT, row.compliant())
            .addField(InfluxSchema.FIELD_SILENT, String.join(",", row.silentPoints())
                + (row.silentTruncated() ? ",…" : ""))
            .time(nanos(row.computedAt()), WritePrecision.NS);
    }

    public static Point completeness(CompletenessRow row) {
        Point point = Point.measurement(InfluxSchema.COMPLETENESS)
            .addTag(InfluxSchema.TAG_PARK, row.park())
            .addTag(InfluxSchema.TAG_LEVEL, row.level())
            .addField(InfluxSchema.FIELD_EXPECTED, row.expected())
            .addField(InfluxSchema.FIELD_RECEIVED, row.received())
            .addField(InfluxSchema.FIELD_NORMAL, row.normal())
            .addField(InfluxSchema.FIELD_RATIO, row.ratio())
            .addField(InfluxSchema.FIELD_RATED_HOURS, row.ratedHours())
            .addField(InfluxSchema.FIELD_VALID_HOURS, row.validHours())
            .addField(InfluxSchema.FIELD_COMPLIANT, row.compliant())
            .addField(InfluxSchema.FIELD_POINTS, row.points())
            .addField(InfluxSchema.FIELD_COMPLIANT_POINTS, row.compliantPoints())
            .time(nanos(row.dayStart()), WritePrecision.NS);
        if (row.enterprise() != null) {
            point.addTag(InfluxSchema.TAG_ENTERPRISE, row.enterprise());
        }
        if (row.point() != null) {
            point.addTag(InfluxSchema.TAG_POINT, row.point());
        }
        if (row.validHourShare() != null) {
            point.addField(InfluxSchema.FIELD_VALID_HOUR_SHARE, row.validHourShare());
        }
        if (row.ratioTarget() != null) {
            point.addField(InfluxSchema.FIELD_TARGET, row.ratioTarget());
        }
        return point;
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
