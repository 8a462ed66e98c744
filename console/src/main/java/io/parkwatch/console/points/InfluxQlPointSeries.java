package io.parkwatch.console.points;

import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.contracts.influx.InfluxSchema;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/** A point's series from the raw readings and the hourly aggregates, over chunked InfluxQL. */
public final class InfluxQlPointSeries implements PointSeries {

    private final ChunkedInfluxQl influx;

    public InfluxQlPointSeries(ChunkedInfluxQl influx) {
        this.influx = influx;
    }

    @Override
    public List<String> metrics(SeriesQuery query) throws InfluxQueryException, IOException {
        TreeSet<String> metrics = new TreeSet<>();
        influx.query(SeriesStatement.metrics(query), row -> metrics.add(row.text("value")));
        return List.copyOf(metrics);
    }

    @Override
    public SeriesData read(SeriesQuery query, String metric, Instant from, Instant to, int cap)
            throws InfluxQueryException, IOException {
        List<SeriesData.Reading> readings = new ArrayList<>();
        String[] tags = new String[2];
        influx.query(SeriesStatement.readings(query, metric, from, to, cap), row -> {
            readings.add(new SeriesData.Reading(row.text("time"), row.number(InfluxSchema.FIELD_VALUE),
                row.text(InfluxSchema.TAG_QUALITY)));
            if (tags[0] == null && !row.text(InfluxSchema.TAG_UNIT).isEmpty()) {
                tags[0] = row.text(InfluxSchema.TAG_UNIT);
            }
            if (tags[1] == null && !row.text(InfluxSchema.TAG_DOMAIN).isEmpty()) {
                tags[1] = row.text(InfluxSchema.TAG_DOMAIN);
            }
        });
        boolean truncated = readings.size() > cap;
        List<SeriesData.Reading> kept = new ArrayList<>(truncated ? readings.subList(0, cap) : readings);
        Collections.reverse(kept);
        List<SeriesData.Hour> hourly = new ArrayList<>();
        influx.query(SeriesStatement.hourly(query, metric, from, to), row -> hourly.add(new SeriesData.Hour(
            row.text("time"), row.number(InfluxSchema.FIELD_MEAN), row.number(InfluxSchema.FIELD_MIN),
            row.number(InfluxSchema.FIELD_MAX), row.integer(InfluxSchema.FIELD_COUNT))));
        return new SeriesData(kept, truncated, hourly, tags[0], tags[1]);
    }
}
