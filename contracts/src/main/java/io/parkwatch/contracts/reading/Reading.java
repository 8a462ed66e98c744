package io.parkwatch.contracts.reading;

import java.time.Instant;
import java.util.Objects;

/**
 * One observed value of one metric at one point, with event time. The canonical record every
 * decoder produces and every processor consumes.
 *
 * @param messageId   makes duplicates recognisable downstream (JSON id, HJ 212 MN+QN+factor,
 *                    JT/T 808 terminal+serial+time)
 * @param value       the measured value; null only for position readings
 * @param position    set for vehicle positions, null otherwise
 * @param observedAt  event time, as stated by the source
 * @param receivedAt  when the gateway took the message from the broker
 */
public record Reading(
        String messageId,
        String park,
        String enterprise,
        String point,
        Domain domain,
        String metric,
        Double value,
        Position position,
        String unit,
        Instant observedAt,
        Instant receivedAt,
        Quality quality,
        SourceFormat sourceFormat) {

    public Reading {
        requireText(messageId, "messageId");
        requireText(park, "park");
        requireText(enterprise, "enterprise");
        requireText(point, "point");
        Objects.requireNonNull(domain, "domain is required");
        requireText(metric, "metric");
        Objects.requireNonNull(observedAt, "observedAt is required");
        Objects.requireNonNull(receivedAt, "receivedAt is required");
        Objects.requireNonNull(sourceFormat, "sourceFormat is required");
        if (value == null && position == null) {
            throw new IllegalArgumentException("a reading needs a value or a position");
        }
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        quality = quality == null ? Quality.N : quality;
        unit = unit == null ? "" : unit;
    }

    /** The Kafka record key: a reading is partitioned by its point. */
    public String pointKey() {
        return PointKey.text(park, enterprise, point);
    }

    private static void requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
