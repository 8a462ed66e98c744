package io.parkwatch.ingest.format;

import io.parkwatch.contracts.registry.PointEntry;
import java.util.List;
import java.util.Optional;

/**
 * What a payload said: the registered point it reports for, its observations, and the answer
 * to send once they are in Kafka, when the sender asked for one (HJ 212's reply flag).
 */
public record DecodedPayload(PointEntry point, List<Observation> observations, Optional<byte[]> acceptedReply) {

    public DecodedPayload {
        observations = List.copyOf(observations);
    }

    public static DecodedPayload of(PointEntry point, List<Observation> observations) {
        return new DecodedPayload(point, observations, Optional.empty());
    }
}
