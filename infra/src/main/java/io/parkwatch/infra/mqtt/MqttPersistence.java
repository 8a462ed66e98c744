package io.parkwatch.infra.mqtt;

/** Where a broker keeps sessions and queued messages. */
public enum MqttPersistence {
    /** Lost when the broker stops; fast to start, for tests. */
    IN_MEMORY,
    /** Kept in the broker's data directory across restarts. */
    FILE
}
