package io.parkwatch.console.emissions;

import io.parkwatch.console.emissions.validity.ValidityEngine;
import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.console.influxql.SeriesRow;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Emission history from InfluxDB over chunked InfluxQL; limits from {@link EmissionLimits}. */
public final class InfluxQlEmissionHistory implements EmissionHistory {

    private static final String GOOD_QUALITY = "N";

    private final ChunkedInfluxQl influx;
    private final EmissionLimits limits;

    public InfluxQlEmissionHistory(ChunkedInfluxQl influx, EmissionLimits limits) {
        this.influx = influx;
        this.limits = limits;
    }

    @Override
    public void stream(EmissionQuery query, RowConsumer rows) throws InfluxQueryException, IOException {
        boolean raw = query.interval() == Interval.RAW;
        // The statement selects only the asked pollutants' metrics, so every row's metric is here.
        Map<String, Pollutant> byMetric = new HashMap<>();
        for (Pollutant pollutant : query.pollutants()) {
            pollutant.metrics().forEach(metric -> byMetric.putIfAbsent(metric, pollutant));
        }
        if (query.interval() == Interval.DAY) {
            DailyRollup days = new DailyRollup(query.zone(), rows);
            influx.query(EmissionStatement.of(query), row -> days.accept(fromAggregate(row, byMetric, Interval.DAY)));
            days.finish();
            return;
        }
        influx.query(EmissionStatement.of(query),
            row -> rows.accept(raw ? fromReading(row, byMetric) : fromAggregate(row, byMetric, query.interval())));
    }

    private EmissionRow fromReading(SeriesRow row, Map<String, Pollutant> byMetric) {
        double value = row.number(InfluxSchema.FIELD_VALUE);
        String flag = row.text(InfluxSchema.TAG_QUALITY);
        EmissionRow reading = row(row, byMetric, Interval.RAW, value, value, value, 1, GOOD_QUALITY.equals(flag) ? 1 : 0);
        // A single reading keeps its flag's letter as the reason (FLAG_D), not just "not normal".
        return new EmissionRow(reading.time(), reading.park(), reading.enterprise(), reading.point(),
            reading.pollutant(), reading.metric(), value, value, value, 1, reading.goodCount(), reading.limitInForce(),
            ValidityEngine.ofFlag(flag));
    }

    private EmissionRow fromAggregate(SeriesRow row, Map<String, Pollutant> byMetric, Interval interval) {
        return row(row, byMetric, interval, row.number(InfluxSchema.FIELD_MEAN), row.number(InfluxSchema.FIELD_MIN),
            row.number(InfluxSchema.FIELD_MAX), row.integer(InfluxSchema.FIELD_COUNT), row.integer(InfluxSchema.FIELD_GOOD_COUNT));
    }

    private EmissionRow row(SeriesRow row, Map<String, Pollutant> byMetric, Interval interval, double mean, double min, double max,
                            long count, long good) {
        String enterprise = row.tag(InfluxSchema.TAG_ENTERPRISE);
        String point = row.tag(InfluxSchema.TAG_POINT);
        String metric = row.tag(InfluxSchema.TAG_METRIC);
        Pollutant pollutant = byMetric.get(metric);
        if (pollutant == null) {
            throw new IllegalStateException("InfluxDB answered metric " + metric + ", which the query did not ask for");
        }
        String park = row.tag(InfluxSchema.TAG_PARK);
        return new EmissionRow(row.text("time"), park, enterprise, point, pollutant, metric, mean, min, max, count, good,
            limits.limit(park, enterprise, point, pollutant, interval, metric),
            ValidityEngine.ofWindow(pollutant.factor().medium(), count, good));
    }
}
