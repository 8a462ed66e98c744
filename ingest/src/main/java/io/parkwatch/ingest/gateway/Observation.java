package io.parkwatch.ingest.gateway;

import io.parkwatch.contracts.reading.Quality;
import java.time.Instant;

/**
 * One value as a decoder read it, before validation and before the registry gives it its
 * domain. Decoders of every format produce these.
 */
public record Observation(String messageId, String metric, double value, String unit, Instant observedAt,
                          Quality quality) {
}
