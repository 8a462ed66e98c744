package io.parkwatch.console.points;

import io.parkwatch.console.influxql.InfluxQueryException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** A point's stored readings: which metrics it has, and one metric's readings and hourly means. */
public interface PointSeries {

    /** The metrics the point has reported, sorted. */
    List<String> metrics(SeriesQuery query) throws InfluxQueryException, IOException;

    /** Readings (the newest {@code cap}) and hourly aggregates of {@code metric} in [from, to). */
    SeriesData read(SeriesQuery query, String metric, Instant from, Instant to, int cap)
        throws InfluxQueryException, IOException;
}
