package io.parkwatch.ingest.format;

import java.util.concurrent.CompletableFuture;

/**
 * The gateway as a device session over TCP sees it (an HJ 212 data logger, a JT/T 808 vehicle
 * terminal): the session has already established who is sending, so there is no MQTT topic to
 * parse; the rest of the per-message chain (authorise against the registry → decode → validate
 * → publish) is the one MQTT messages take.
 */
public interface SessionGateway {

    /**
     * Completes once the payload's readings or its rejection are in Kafka — a failed Kafka send is
     * retried, never turned into a rejection — with the answer its format words for the sender.
     * The session writes that answer back on its connection only then, so an answered report is
     * never lost.
     */
    CompletableFuture<SessionAnswer> handle(TopicAddress address, byte[] payload);
}
