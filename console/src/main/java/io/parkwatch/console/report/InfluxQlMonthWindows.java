package io.parkwatch.console.report;

import io.parkwatch.console.emissions.totals.HourWindow;
import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.influxql.InfluxQl;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The month's hourly windows from the hourly aggregates ({@code agg_1h}), every metric of the
 * enterprise: the report needs the pollutants' concentrations, O₂ to convert them, and sees which
 * pollutants a point without a permit sent.
 */
public final class InfluxQlMonthWindows implements MonthWindowSource {

    private final ChunkedInfluxQl influx;

    public InfluxQlMonthWindows(ChunkedInfluxQl influx) {
        this.influx = influx;
    }

    @Override
    public MonthWindows read(MonthlyQuery query) throws InfluxQueryException, IOException {
        MonthWindows windows = new MonthWindows();
        influx.query(statement(query), row -> windows.add(row.tag(InfluxSchema.TAG_POINT),
            Instant.parse(row.text("time")), row.tag(InfluxSchema.TAG_METRIC),
            new HourWindow(row.number(InfluxSchema.FIELD_MEAN), row.integer(InfluxSchema.FIELD_COUNT),
                row.integer(InfluxSchema.FIELD_GOOD_COUNT))));
        return windows;
    }

    static String statement(MonthlyQuery query) {
        List<String> conditions = List.of(InfluxQl.tagEquals(InfluxSchema.TAG_WINDOW, "1h"),
            InfluxQl.tagEquals(InfluxSchema.TAG_PARK, query.park()),
            InfluxQl.tagEquals(InfluxSchema.TAG_ENTERPRISE, query.enterprise()),
            InfluxQl.timeRange(query.from(), query.to()));
        return "SELECT " + String.join(", ", InfluxQl.identifier(InfluxSchema.FIELD_MEAN),
            InfluxQl.identifier(InfluxSchema.FIELD_COUNT), InfluxQl.identifier(InfluxSchema.FIELD_GOOD_COUNT))
            + " FROM " + InfluxQl.identifier(InfluxSchema.RP_AGGREGATE_1H) + "."
            + InfluxQl.identifier(InfluxSchema.AGGREGATE) + " WHERE " + String.join(" AND ", conditions)
            + " GROUP BY " + InfluxQl.identifier(InfluxSchema.TAG_POINT) + ", "
            + InfluxQl.identifier(InfluxSchema.TAG_METRIC);
    }
}
