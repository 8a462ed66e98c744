/**
 * What a payload format implements (JSON, HJ 212, JT/T 808), and all it sees: the sender's
 * {@link io.parkwatch.ingest.format.TopicAddress} and the payload. {@link io.parkwatch.ingest.format.PayloadFormat}
 * decodes a payload into {@link io.parkwatch.ingest.format.Observation}s or refuses it with a
 * {@link io.parkwatch.ingest.format.RejectedInputException}. The formats depend on this package
 * only; the gateway's per-message chain ({@code gateway.MessageGateway}) drives them.
 */
package io.parkwatch.ingest.format;
