package io.parkwatch.ingest.gateway;

import io.parkwatch.transport.retry.Backoff;
import io.parkwatch.ingest.validate.UnitCatalog;
import java.time.Duration;
import java.util.Objects;

/**
 * The gateway's input limits and its patience with Kafka.
 *
 * @param maxPayloadBytes larger payloads are rejected unread
 * @param maxClockSkew    how far ahead of the gateway clock an event time may be
 * @param horizon         how old an event time may be
 * @param units           the units each metric may use
 */
public record GatewaySettings(int maxPayloadBytes, Duration maxClockSkew, Duration horizon, UnitCatalog units,
                              Backoff kafkaBackoff) {

    public static final GatewaySettings DEFAULTS =
        new GatewaySettings(64 * 1024, Duration.ofMinutes(5), Duration.ofDays(7), UnitCatalog.defaults(), Backoff.DEFAULT);

    public GatewaySettings {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive: " + maxPayloadBytes);
        }
        Objects.requireNonNull(maxClockSkew, "maxClockSkew is required");
        Objects.requireNonNull(horizon, "horizon is required");
        Objects.requireNonNull(units, "units is required");
        Objects.requireNonNull(kafkaBackoff, "kafkaBackoff is required");
    }
}
