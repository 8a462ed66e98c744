package io.parkwatch.console.emissions;

import io.parkwatch.console.influxql.InfluxQl;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The InfluxQL of an emission query. Raw rows come from {@code reading}; 1m and 1h from the
 * aggregates in their retention policies; 1d reads the hourly aggregates, stamped in the park's
 * time zone, for {@link DailyRollup} to group by day.
 */
final class EmissionStatement {

    static final String SERIES = String.join(", ", InfluxQl.identifier(InfluxSchema.TAG_PARK),
        InfluxQl.identifier(InfluxSchema.TAG_ENTERPRISE), InfluxQl.identifier(InfluxSchema.TAG_POINT),
        InfluxQl.identifier(InfluxSchema.TAG_METRIC));

    private EmissionStatement() {
    }

    static String of(EmissionQuery query) {
        return switch (query.interval()) {
            case RAW -> "SELECT " + InfluxQl.identifier(InfluxSchema.FIELD_VALUE) + ", "
                + InfluxQl.identifier(InfluxSchema.TAG_QUALITY) + " FROM " + InfluxQl.identifier(InfluxSchema.READING)
                + where(query, null) + " GROUP BY " + SERIES;
            case MINUTE -> windows(query, InfluxSchema.RP_AGGREGATE_1M, "1m");
            case HOUR -> windows(query, InfluxSchema.RP_AGGREGATE_1H, "1h");
            // Days are rolled up from these hours by DailyRollup, which needs each hour's validity.
            case DAY -> windows(query, InfluxSchema.RP_AGGREGATE_1H, "1h") + " " + InfluxQl.tz(query.zone());
        };
    }

    private static String windows(EmissionQuery query, String retentionPolicy, String window) {
        return "SELECT " + String.join(", ", q(InfluxSchema.FIELD_MEAN), q(InfluxSchema.FIELD_MIN),
            q(InfluxSchema.FIELD_MAX), q(InfluxSchema.FIELD_COUNT), q(InfluxSchema.FIELD_GOOD_COUNT))
            + " FROM " + aggregates(retentionPolicy) + where(query, window) + " GROUP BY " + SERIES;
    }

    private static String aggregates(String retentionPolicy) {
        return q(retentionPolicy) + "." + q(InfluxSchema.AGGREGATE);
    }

    private static String where(EmissionQuery query, String window) {
        List<String> conditions = new ArrayList<>();
        if (window != null) {
            conditions.add(InfluxQl.tagEquals(InfluxSchema.TAG_WINDOW, window));
        }
        query.park().ifPresent(park -> conditions.add(InfluxQl.tagEquals(InfluxSchema.TAG_PARK, park)));
        query.enterprise().ifPresent(e -> conditions.add(InfluxQl.tagEquals(InfluxSchema.TAG_ENTERPRISE, e)));
        query.point().ifPresent(point -> conditions.add(InfluxQl.tagEquals(InfluxSchema.TAG_POINT, point)));
        List<String> metrics = new ArrayList<>();
        query.pollutants().forEach(pollutant -> metrics.addAll(pollutant.metrics()));
        conditions.add(InfluxQl.tagIn(InfluxSchema.TAG_METRIC, metrics));
        conditions.add(InfluxQl.timeRange(query.from(), query.to()));
        return " WHERE " + String.join(" AND ", conditions);
    }

    private static String q(String name) {
        return InfluxQl.identifier(name);
    }
}
