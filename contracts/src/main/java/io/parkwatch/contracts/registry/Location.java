package io.parkwatch.contracts.registry;

/**
 * Where something stands, in WGS-84 degrees: enough for a park-sized 2D map, where the earth is flat.
 *
 * @param lat latitude, within ±90
 * @param lon longitude, within ±180
 */
public record Location(double lat, double lon) {

    public Location {
        if (!Double.isFinite(lat) || Math.abs(lat) > 90 || !Double.isFinite(lon) || Math.abs(lon) > 180) {
            throw new IllegalArgumentException("a location is [latitude within ±90, longitude within ±180], got ["
                + lat + ", " + lon + "]");
        }
    }
}
