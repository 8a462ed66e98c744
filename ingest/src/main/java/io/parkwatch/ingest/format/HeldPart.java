package io.parkwatch.ingest.format;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One payload that is a part of a split payload, held until its whole has arrived. Its
 * {@code done} future is what the gateway answered for it: completing it lets the subscriber
 * acknowledge the MQTT message to the broker, or the device session answer the part.
 *
 * @param source where the part came from: its MQTT topic, or the device session's source
 */
public record HeldPart(String source, TopicAddress address, byte[] payload, Instant receivedAt,
                       CompletableFuture<SessionAnswer> done) {

    public HeldPart(String source, TopicAddress address, byte[] payload, Instant receivedAt) {
        this(source, address, payload, receivedAt, new CompletableFuture<>());
    }
}
