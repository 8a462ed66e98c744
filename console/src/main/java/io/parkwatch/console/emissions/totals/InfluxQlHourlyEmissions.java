package io.parkwatch.console.emissions.totals;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.influxql.InfluxQl;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.console.influxql.SeriesRow;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Hourly emissions from the hourly aggregates ({@code agg_1h}, kept longest: the raw readings'
 * policy is too short for a year's total). A point's hour gathers the windows of all its metrics
 * that {@link HourlyEmissions} needs, then each asked pollutant is computed from them.
 */
public final class InfluxQlHourlyEmissions implements HourlyEmissionSource {

    private final ChunkedInfluxQl influx;

    public InfluxQlHourlyEmissions(ChunkedInfluxQl influx) {
        this.influx = influx;
    }

    @Override
    public void read(TotalsQuery query, Instant from, Instant to, Consumer<HourlyEmission> hours)
            throws InfluxQueryException, IOException {
        Map<String, PointHours> points = new TreeMap<>();
        influx.query(statement(query, from, to), row -> {
            String key = row.tag(InfluxSchema.TAG_PARK) + '|' + row.tag(InfluxSchema.TAG_ENTERPRISE) + '|'
                + row.tag(InfluxSchema.TAG_POINT);
            points.computeIfAbsent(key, k -> new PointHours(row)).add(row);
        });
        for (PointHours point : points.values()) {
            point.emit(query.pollutants(), hours);
        }
    }

    static String statement(TotalsQuery query, Instant from, Instant to) {
        Set<String> metrics = new LinkedHashSet<>();
        query.pollutants().forEach(pollutant -> metrics.addAll(HourlyEmissions.metrics(pollutant)));
        List<String> conditions = new ArrayList<>();
        conditions.add(InfluxQl.tagEquals(InfluxSchema.TAG_WINDOW, "1h"));
        query.park().ifPresent(park -> conditions.add(InfluxQl.tagEquals(InfluxSchema.TAG_PARK, park)));
        query.enterprise().ifPresent(e -> conditions.add(InfluxQl.tagEquals(InfluxSchema.TAG_ENTERPRISE, e)));
        query.point().ifPresent(point -> conditions.add(InfluxQl.tagEquals(InfluxSchema.TAG_POINT, point)));
        conditions.add(InfluxQl.tagIn(InfluxSchema.TAG_METRIC, List.copyOf(metrics)));
        conditions.add(InfluxQl.timeRange(from, to));
        return "SELECT " + String.join(", ", InfluxQl.identifier(InfluxSchema.FIELD_MEAN),
            InfluxQl.identifier(InfluxSchema.FIELD_COUNT), InfluxQl.identifier(InfluxSchema.FIELD_GOOD_COUNT))
            + " FROM " + InfluxQl.identifier(InfluxSchema.RP_AGGREGATE_1H) + "."
            + InfluxQl.identifier(InfluxSchema.AGGREGATE) + " WHERE " + String.join(" AND ", conditions)
            + " GROUP BY " + String.join(", ", InfluxQl.identifier(InfluxSchema.TAG_PARK),
            InfluxQl.identifier(InfluxSchema.TAG_ENTERPRISE), InfluxQl.identifier(InfluxSchema.TAG_POINT),
            InfluxQl.identifier(InfluxSchema.TAG_METRIC));
    }

    /** One point's hours, each with its metrics' windows. */
    private static final class PointHours {
        private final String park;
        private final String enterprise;
        private final String point;
        private final Map<Instant, Map<String, HourWindow>> hours = new TreeMap<>();

        PointHours(SeriesRow first) {
            this.park = first.tag(InfluxSchema.TAG_PARK);
            this.enterprise = first.tag(InfluxSchema.TAG_ENTERPRISE);
            this.point = first.tag(InfluxSchema.TAG_POINT);
        }

        void add(SeriesRow row) {
            hours.computeIfAbsent(Instant.parse(row.text("time")), hour -> new HashMap<>())
                .put(row.tag(InfluxSchema.TAG_METRIC), new HourWindow(row.number(InfluxSchema.FIELD_MEAN),
                    row.integer(InfluxSchema.FIELD_COUNT), row.integer(InfluxSchema.FIELD_GOOD_COUNT)));
        }

        void emit(List<Pollutant> pollutants, Consumer<HourlyEmission> out) {
            for (Pollutant pollutant : pollutants) {
                hours.forEach((hour, windows) ->
                    HourlyEmissions.of(park, enterprise, point, pollutant, hour, windows).ifPresent(out));
            }
        }
    }
}
