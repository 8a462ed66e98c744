package io.parkwatch.ingest.format;

import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Quality;
import java.time.Instant;

/**
 * One value as a decoder read it, before validation and before the registry gives it its
 * domain. Decoders of every format produce these.
 *
 * @param value    the measured value; null only for a position
 * @param position a vehicle position (JT/T 808), else null
 */
public record Observation(String messageId, String metric, Double value, Position position, String unit,
                          Instant observedAt, Quality quality) {

    /** A plain measured value. */
    public static Observation value(String messageId, String metric, double value, String unit, Instant observedAt,
                                    Quality quality) {
        return new Observation(messageId, metric, value, null, unit, observedAt, quality);
    }
}
