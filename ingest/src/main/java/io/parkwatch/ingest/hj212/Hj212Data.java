package io.parkwatch.ingest.hj212;

import java.time.Instant;
import java.util.List;

/**
 * The CP segment of a data packet: its {@code DataTime} (the sampling instant for 2011, the
 * period start for 2051/2061/2031) and its values.
 *
 * @param dataTimeText DataTime as sent, YYYYMMDDhhmmss (or with milliseconds, YYYYMMDDhhmmsszzz) in UTC+8
 */
public record Hj212Data(Instant dataTime, String dataTimeText, List<Hj212Value> values) {

    public Hj212Data {
        values = List.copyOf(values);
    }
}
