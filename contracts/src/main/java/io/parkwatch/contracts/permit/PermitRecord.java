package io.parkwatch.contracts.permit;

import java.time.Instant;
import java.util.Objects;

/**
 * An emission permit as published to the compacted {@code parkwatch.permits.v1} topic, keyed by
 * {@code park/enterprise} ({@link Permit#key()}); a tombstone withdraws it. The file travels as
 * written (it was validated against the registry by whoever published it): its readers parse it
 * with {@code PermitFileReader} for the annual totals and the permit's outlets.
 */
public record PermitRecord(String park, String enterprise, String number, String yaml, String source,
                           Instant publishedAt) {

    public PermitRecord {
        Objects.requireNonNull(park, "park is required");
        Objects.requireNonNull(enterprise, "enterprise is required");
        Objects.requireNonNull(number, "number is required");
        Objects.requireNonNull(yaml, "yaml is required");
        Objects.requireNonNull(publishedAt, "publishedAt is required");
        source = source == null ? Permit.keyOf(park, enterprise) : source;
    }
}
