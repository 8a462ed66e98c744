package io.parkwatch.sink;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.influx.InfluxSchema;

/**
 * Alert lifecycle events as points of {@code alert}. Point, rule and event type are tags, so two
 * alerts raised at the same instant stay two points while a replayed event overwrites itself.
 */
public final class AlertPoints {

    private AlertPoints() {
    }

    public static Point of(AlertEvent event) {
        Point point = Point.measurement(InfluxSchema.ALERT)
            .addTag(InfluxSchema.TAG_PARK, event.park() == null ? "" : event.park())
            .addTag(InfluxSchema.TAG_ENTERPRISE, event.enterprise() == null ? "" : event.enterprise())
            .addTag(InfluxSchema.TAG_POINT, event.pointKey())
            .addTag(InfluxSchema.TAG_RULE, event.ruleId())
            .addTag(InfluxSchema.TAG_SEVERITY, event.severity().name())
            .addTag(InfluxSchema.TAG_EVENT, event.type().name())
            .addField(InfluxSchema.FIELD_ALERT_ID, event.alertId())
            .addField(InfluxSchema.FIELD_OCCURRENCES, event.occurrences())
            .time(Math.addExact(Math.multiplyExact(event.at().getEpochSecond(), 1_000_000_000L), event.at().getNano()),
                WritePrecision.NS);
        if (event.message() != null) {
            point.addField(InfluxSchema.FIELD_MESSAGE, event.message());
        }
        if (event.peakValue() != null) {
            point.addField(InfluxSchema.FIELD_PEAK_VALUE, event.peakValue());
        }
        addOperatorsFields(point, event);
        return point;
    }

    /** Module and metric are tags (few values, filtered on); value, limit and acknowledgement fields. */
    private static void addOperatorsFields(Point point, AlertEvent event) {
        if (event.module() != null) {
            point.addTag(InfluxSchema.TAG_MODULE, event.module().name());
        }
        if (event.metric() != null) {
            point.addTag(InfluxSchema.TAG_METRIC, event.metric());
        }
        if (event.value() != null) {
            point.addField(InfluxSchema.FIELD_VALUE, event.value());
        }
        if (event.limit() != null) {
            point.addField(InfluxSchema.FIELD_THRESHOLD, event.limit());
        }
        if (event.acknowledgedBy() != null) {
            point.addField(InfluxSchema.FIELD_ACKNOWLEDGED_BY, event.acknowledgedBy());
            point.addField(InfluxSchema.FIELD_NOTE, event.note() == null ? "" : event.note());
        }
    }
}
