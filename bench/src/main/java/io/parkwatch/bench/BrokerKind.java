package io.parkwatch.bench;

/** Which MQTT broker a benchmark runs against. */
public enum BrokerKind {
    /** Embedded HiveMQ CE, in the benchmark's JVM. */
    HIVEMQ,
    /** Debian's Mosquitto, as a child process. */
    MOSQUITTO
}
