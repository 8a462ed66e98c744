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
 * @see #builder() to construct one by field name
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

    /** Starts a reading whose fields are set by name; {@link Builder#build()} validates as the constructor does. */
    public static Builder builder() {
        return new Builder();
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

    /**
     * Names each of the thirteen fields at the construction site. Decoders on the hot path call the
     * canonical constructor instead, to spare the builder's allocation per reading.
     */
    public static final class Builder {

        private String messageId;
        private String park;
        private String enterprise;
        private String point;
        private Domain domain;
        private String metric;
        private Double value;
        private Position position;
        private String unit;
        private Instant observedAt;
        private Instant receivedAt;
        private Quality quality;
        private SourceFormat sourceFormat;

        private Builder() {
        }

        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        public Builder park(String park) {
            this.park = park;
            return this;
        }

        public Builder enterprise(String enterprise) {
            this.enterprise = enterprise;
            return this;
        }

        public Builder point(String point) {
            this.point = point;
            return this;
        }

        public Builder domain(Domain domain) {
            this.domain = domain;
            return this;
        }

        public Builder metric(String metric) {
            this.metric = metric;
            return this;
        }

        public Builder value(Double value) {
            this.value = value;
            return this;
        }

        public Builder position(Position position) {
            this.position = position;
            return this;
        }

        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        public Builder observedAt(Instant observedAt) {
            this.observedAt = observedAt;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder quality(Quality quality) {
            this.quality = quality;
            return this;
        }

        public Builder sourceFormat(SourceFormat sourceFormat) {
            this.sourceFormat = sourceFormat;
            return this;
        }

        public Reading build() {
            return new Reading(messageId, park, enterprise, point, domain, metric, value, position, unit, observedAt,
                receivedAt, quality, sourceFormat);
        }
    }
}
