package io.parkwatch.infra.mqtt.hivemq;

import io.parkwatch.infra.mqtt.MqttAccessPolicy;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.MqttTlsListener;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the embedded HiveMQ broker.
 *
 * @param host                 address of the single TCP listener; loopback by default
 * @param port                 listener port; 0 picks a free one
 * @param dataDir              private directory for the generated config and broker data
 * @param persistence          where sessions and queues live
 * @param policy               who may connect, publish and subscribe
 * @param maxQueuedMessages    per-client queue limit; beyond it HiveMQ discards QoS 1 messages
 *                             for an offline or lagging subscriber, so keep it far above the
 *                             default 1000
 * @param serverReceiveMaximum unacknowledged QoS 1/2 PUBLISHes a client may have in flight
 *                             towards the broker (HiveMQ default 10)
 * @param tls                  an MQTT-over-TLS listener beside the plain one; null for none
 */
public record EmbeddedMqttConfig(String host, int port, Path dataDir, MqttPersistence persistence,
                                 MqttAccessPolicy policy, long maxQueuedMessages, int serverReceiveMaximum,
                                 MqttTlsListener tls) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final long DEFAULT_MAX_QUEUED_MESSAGES = 1_000_000;
    public static final int DEFAULT_SERVER_RECEIVE_MAXIMUM = 100;

    public EmbeddedMqttConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(policy, "policy");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxQueuedMessages < 1) {
            throw new IllegalArgumentException("maxQueuedMessages must be positive");
        }
        if (serverReceiveMaximum < 1 || serverReceiveMaximum > 65_535) {
            throw new IllegalArgumentException("serverReceiveMaximum must be 1..65535");
        }
        if (tls != null && tls.port() != 0 && tls.port() == port) {
            throw new IllegalArgumentException("the TLS listener needs a port of its own, not " + port);
        }
    }

    /** Loopback, a free port, in-memory persistence: what tests want. */
    public static EmbeddedMqttConfig defaults(Path dataDir, MqttAccessPolicy policy) {
        return new EmbeddedMqttConfig(DEFAULT_HOST, 0, dataDir, MqttPersistence.IN_MEMORY, policy,
            DEFAULT_MAX_QUEUED_MESSAGES, DEFAULT_SERVER_RECEIVE_MAXIMUM, null);
    }

    public EmbeddedMqttConfig withPort(int newPort) {
        return new EmbeddedMqttConfig(host, newPort, dataDir, persistence, policy, maxQueuedMessages,
            serverReceiveMaximum, tls);
    }

    public EmbeddedMqttConfig withPersistence(MqttPersistence newPersistence) {
        return new EmbeddedMqttConfig(host, port, dataDir, newPersistence, policy, maxQueuedMessages,
            serverReceiveMaximum, tls);
    }

    public EmbeddedMqttConfig withMaxQueuedMessages(long newMax) {
        return new EmbeddedMqttConfig(host, port, dataDir, persistence, policy, newMax, serverReceiveMaximum, tls);
    }

    public EmbeddedMqttConfig withServerReceiveMaximum(int newMax) {
        return new EmbeddedMqttConfig(host, port, dataDir, persistence, policy, maxQueuedMessages, newMax, tls);
    }

    /** Adds an MQTT-over-TLS listener (or removes it, with null). */
    public EmbeddedMqttConfig withTls(MqttTlsListener newTls) {
        return new EmbeddedMqttConfig(host, port, dataDir, persistence, policy, maxQueuedMessages,
            serverReceiveMaximum, newTls);
    }
}
