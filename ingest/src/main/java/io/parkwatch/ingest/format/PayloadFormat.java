package io.parkwatch.ingest.format;

import io.parkwatch.contracts.reading.SourceFormat;
import java.util.Optional;

/**
 * One wire format the gateway speaks: it finds the point a payload reports for (checking the
 * sender's identity against the registry) and decodes its observations, and it words the
 * answer a sender of this format understands.
 */
public interface PayloadFormat {

    SourceFormat sourceFormat();

    /** Decodes a payload whose park and enterprise are already known to the registry. */
    DecodedPayload decode(TopicAddress address, byte[] payload) throws RejectedInputException;

    /** The feedback for a refused payload of this format. */
    byte[] rejectionReply(TopicAddress address, byte[] payload, RejectedInputException rejected);

    /** Where parts of split payloads wait for each other; formats without split payloads have none. */
    default Optional<PartAssembler> parts() {
        return Optional.empty();
    }
}
