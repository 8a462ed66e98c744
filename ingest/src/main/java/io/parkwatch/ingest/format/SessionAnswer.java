package io.parkwatch.ingest.format;

import java.util.Optional;

/** What became of a payload that arrived on a device session, and what to answer the device. */
public record SessionAnswer(Outcome outcome, Optional<byte[]> reply) {
}
