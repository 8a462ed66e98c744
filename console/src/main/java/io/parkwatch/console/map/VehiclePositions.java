package io.parkwatch.console.map;

import io.parkwatch.console.influxql.InfluxQueryException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Where a park's vehicles have been lately. */
public interface VehiclePositions {

    /**
     * @param within  how far back to look; a vehicle with no fix in it is not on the map
     * @param fixes   fixes per vehicle at most (the newest)
     */
    List<VehicleTrack> tracks(String park, Duration within, int fixes) throws InfluxQueryException, IOException;
}
