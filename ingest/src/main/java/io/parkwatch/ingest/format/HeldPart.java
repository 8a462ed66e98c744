package io.parkwatch.ingest.format;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One MQTT message that is a part of a split payload, held until its whole has arrived. Its
 * {@code done} future is what the gateway's {@code handle} returned for it: completing it lets
 * the subscriber acknowledge the message to the broker.
 */
public record HeldPart(String mqttTopic, TopicAddress address, byte[] payload, Instant receivedAt,
                       CompletableFuture<Outcome> done) {

    public HeldPart(String mqttTopic, TopicAddress address, byte[] payload, Instant receivedAt) {
        this(mqttTopic, address, payload, receivedAt, new CompletableFuture<>());
    }
}
