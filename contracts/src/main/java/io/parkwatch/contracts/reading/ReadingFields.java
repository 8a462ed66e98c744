package io.parkwatch.contracts.reading;

import java.time.Instant;

/**
 * A reading's fields as a decoder reads them one by one (no position: the fast decoders leave
 * positions to the serde); {@link #reading()} hands them to {@link Reading}'s validating constructor.
 */
abstract class ReadingFields {

    String messageId;
    String park;
    String enterprise;
    String point;
    Domain domain;
    String metric;
    Double value;
    String unit;
    Instant observedAt;
    Instant receivedAt;
    Quality quality;
    SourceFormat sourceFormat;

    // The canonical constructor, not Reading.builder(): this runs once per decoded reading.
    final Reading reading() {
        return new Reading(messageId, park, enterprise, point, domain, metric, value, null, unit, observedAt,
            receivedAt, quality, sourceFormat);
    }
}
