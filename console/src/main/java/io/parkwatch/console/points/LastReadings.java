package io.parkwatch.console.points;

import io.parkwatch.console.influxql.InfluxQueryException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** When points (or enterprises) last sent anything: for how long a silent one has been silent. */
public interface LastReadings {

    /**
     * @param keys {@code park/enterprise/point} or {@code park/enterprise} keys, all of {@code park}
     * @return the last reading time per key; a key with no reading within the look-back is absent
     */
    Map<String, Instant> lastOf(String park, List<String> keys) throws InfluxQueryException, IOException;
}
