package io.parkwatch.contracts.reading;

/**
 * A vehicle position (JT/T 808 location report). Speed in km/h, heading in degrees 0-359,
 * altitude in metres; the alarm and status words are kept as sent so rules can test bits.
 */
public record Position(
        double latitude,
        double longitude,
        double speedKmh,
        int headingDegrees,
        int altitudeMetres,
        long alarmBits,
        long statusBits) {

    public Position {
        if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("latitude out of range: " + latitude);
        }
        if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("longitude out of range: " + longitude);
        }
        if (!Double.isFinite(speedKmh) || speedKmh < 0) {
            throw new IllegalArgumentException("speed must be finite and >= 0: " + speedKmh);
        }
    }
}
