package io.parkwatch.ingest.format;

import java.util.concurrent.CompletableFuture;

/**
 * Refusals a device session decides before a payload can reach {@link SessionGateway#handle}: a
 * frame that does not check, an unknown device, a wrong password. They take the road every
 * refusal takes (the rejected topic with the raw bytes and reason, the reject metrics), so that
 * nothing a device sends is dropped silently.
 */
public interface SessionRefusals {

    /**
     * Completes once the rejection is in Kafka (a failed send is retried), with the refusal the
     * format words for the device.
     *
     * @param source  where the payload came from, e.g. {@code tcp:hj212 from 203.0.113.7:40112}
     * @param address the claimed sender as far as known (park and enterprise may be null); its
     *                kind names the payload format
     */
    CompletableFuture<SessionAnswer> refuse(String source, TopicAddress address, byte[] payload,
                                            RejectedInputException refused);
}
