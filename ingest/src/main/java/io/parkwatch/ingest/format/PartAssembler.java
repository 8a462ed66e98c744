package io.parkwatch.ingest.format;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Holds the parts of split payloads (HJ 212 packets with PNUM/PNO) until all have arrived. The
 * gateway withholds each part's acknowledgement meanwhile, so a crash loses nothing: the broker
 * redelivers the parts. Implementations are called from the MQTT thread and from the gateway's
 * scheduler, so they synchronise.
 */
public interface PartAssembler {

    /** Whether the gateway should hand this payload to {@link #add} instead of decoding it. */
    boolean isPart(byte[] payload);

    /**
     * Takes one part. Empty while parts are missing; once the last one arrives, the whole (to be
     * decoded as one payload of the format) with every part taken for it, this one included.
     *
     * @throws RejectedInputException when this part cannot belong to any whole (refused alone)
     */
    Optional<Whole> add(HeldPart part) throws RejectedInputException;

    /** Removes and returns the parts whose whole did not arrive in time, each with why it is refused. */
    List<Refused> expire(Instant now);

    /** A complete payload and the parts it was put together from. */
    record Whole(byte[] payload, List<HeldPart> parts) {

        public Whole {
            parts = List.copyOf(parts);
        }
    }

    /** A held part given up on. */
    record Refused(HeldPart part, RejectedInputException why) {
    }
}
