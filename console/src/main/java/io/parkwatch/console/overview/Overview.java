package io.parkwatch.console.overview;

import java.time.Instant;
import java.util.List;

/**
 * What is landing in InfluxDB: readings per park and domain over a recent span.
 *
 * @param window the span counted, e.g. {@code 5m}
 */
public record Overview(String window, long readings, List<Row> rows, Instant at) {

    public Overview {
        rows = List.copyOf(rows);
    }

    /** Readings of one park and domain in the window, and the newest one's time. */
    public record Row(String park, String domain, long readings) {
    }
}
