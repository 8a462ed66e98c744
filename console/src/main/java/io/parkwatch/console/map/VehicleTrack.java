package io.parkwatch.console.map;

import java.util.List;

/**
 * A vehicle's recent fixes, oldest first; the last one is where it is.
 *
 * @param fixes each {@code {lon, lat, time}}
 */
public record VehicleTrack(String enterprise, String vehicle, List<Fix> fixes) {

    public VehicleTrack {
        fixes = List.copyOf(fixes);
        if (fixes.isEmpty()) {
            throw new IllegalArgumentException("a track has at least one fix");
        }
    }

    public Fix latest() {
        return fixes.get(fixes.size() - 1);
    }

    /** One position report. */
    public record Fix(String time, double lat, double lon, double speedKmh, double heading) {
    }
}
