package io.parkwatch.ingest.format;

/** What became of one MQTT message; in every case it may be acknowledged to the broker. */
public enum Outcome {
    /** Its readings are in the readings topic. */
    PUBLISHED,
    /** It is in the rejected topic with its raw bytes and reason. */
    REJECTED,
    /** It was the gateway's own feedback echoed back by a wildcard subscription. */
    IGNORED
}
