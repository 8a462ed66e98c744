package io.parkwatch.ingest.format;

/**
 * Who a message claims to be from, read off its MQTT topic.
 *
 * @param point the point for {@link PayloadKind#JSON} topics; for vehicles, the vehicle id;
 *              null for HJ 212 topics, where the MN names the point
 */
public record TopicAddress(String park, String enterprise, String point, PayloadKind kind) {
}
