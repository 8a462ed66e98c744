package io.parkwatch.console.points;

import io.parkwatch.console.influxql.InfluxQl;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.time.Instant;

/** The InfluxQL of a point drill-down; every value enters as a quoted literal. */
final class SeriesStatement {

    private SeriesStatement() {
    }

    static String metrics(SeriesQuery query) {
        return "SHOW TAG VALUES FROM " + q(InfluxSchema.READING) + " WITH KEY = " + q(InfluxSchema.TAG_METRIC)
            + " WHERE " + point(query);
    }

    /** Newest first, one more than the cap so that a cut is known. */
    static String readings(SeriesQuery query, String metric, Instant from, Instant to, int cap) {
        return "SELECT " + String.join(", ", q(InfluxSchema.FIELD_VALUE), q(InfluxSchema.TAG_QUALITY),
                q(InfluxSchema.TAG_UNIT), q(InfluxSchema.TAG_DOMAIN))
            + " FROM " + q(InfluxSchema.READING) + " WHERE " + point(query) + " AND "
            + InfluxQl.tagEquals(InfluxSchema.TAG_METRIC, metric) + " AND " + InfluxQl.timeRange(from, to)
            + " ORDER BY time DESC LIMIT " + (cap + 1);
    }

    static String hourly(SeriesQuery query, String metric, Instant from, Instant to) {
        return "SELECT " + String.join(", ", q(InfluxSchema.FIELD_MEAN), q(InfluxSchema.FIELD_MIN),
                q(InfluxSchema.FIELD_MAX), q(InfluxSchema.FIELD_COUNT))
            + " FROM " + q(InfluxSchema.RP_AGGREGATE_1H) + "." + q(InfluxSchema.AGGREGATE) + " WHERE "
            + InfluxQl.tagEquals(InfluxSchema.TAG_WINDOW, "1h") + " AND " + point(query) + " AND "
            + InfluxQl.tagEquals(InfluxSchema.TAG_METRIC, metric) + " AND " + InfluxQl.timeRange(from, to);
    }

    private static String point(SeriesQuery query) {
        return InfluxQl.tagEquals(InfluxSchema.TAG_PARK, query.park()) + " AND "
            + InfluxQl.tagEquals(InfluxSchema.TAG_ENTERPRISE, query.enterprise()) + " AND "
            + InfluxQl.tagEquals(InfluxSchema.TAG_POINT, query.point());
    }

    private static String q(String name) {
        return InfluxQl.identifier(name);
    }
}
