package io.parkwatch.infra.mqtt.mosquitto;

import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.MqttTlsListener;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a Mosquitto child process.
 *
 * @param host               listener address; loopback by default
 * @param port               listener port; 0 picks a free one
 * @param dir                private directory for the generated config, password file, ACL,
 *                           log and persistence file; no whitespace in its path (Mosquitto's
 *                           config syntax has no quoting)
 * @param persistence        FILE keeps sessions and queued messages in {@code dir/data}
 * @param policy             accounts rendered into the password file and ACL
 * @param executable         the {@code mosquitto} binary
 * @param maxQueuedMessages  per-client queue limit; Mosquitto's default 1000 drops QoS 1
 *                           messages for an offline or lagging subscriber
 * @param maxInflightMessages QoS 1/2 messages in flight towards each client (Mosquitto's default
 *                           20); an MQTT 5 client's receive maximum lowers it further. The
 *                           gateway acknowledges only after Kafka did, so this window over the
 *                           Kafka round trip bounds its rate: parkwatch sets the gateway's
 *                           receive maximum (1000), leaving that as the bound
 * @param startTimeout       how long to wait for the port to accept connections
 * @param tls                an MQTT-over-TLS listener beside the plain one; null for none
 */
public record MosquittoConfig(String host, int port, Path dir, MqttPersistence persistence,
                              StaticAccessPolicy policy, Path executable, long maxQueuedMessages,
                              int maxInflightMessages, Duration startTimeout, MqttTlsListener tls) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Where Debian's {@code mosquitto} package installs the broker. */
    public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/sbin/mosquitto");
    public static final long DEFAULT_MAX_QUEUED_MESSAGES = 1_000_000;
    /** The gateway's default receive maximum, and HiveMQ's in-flight window in the embedded broker. */
    public static final int DEFAULT_MAX_INFLIGHT_MESSAGES = 1_000;

    public MosquittoConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (dir.toAbsolutePath().toString().chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("mosquitto directory path must not contain whitespace: " + dir);
        }
        if (maxQueuedMessages < 1 || maxInflightMessages < 1 || maxInflightMessages > 65_535) {
            throw new IllegalArgumentException("queue and in-flight limits must be positive");
        }
        if (tls != null && tls.port() != 0 && tls.port() == port) {
            throw new IllegalArgumentException("the TLS listener needs a port of its own, not " + port);
        }
    }

    /** Loopback, a free port, no persistence, Debian's binary: what tests want. */
    public static MosquittoConfig defaults(Path dir, StaticAccessPolicy policy) {
        return new MosquittoConfig(DEFAULT_HOST, 0, dir, MqttPersistence.IN_MEMORY, policy, DEFAULT_EXECUTABLE,
            DEFAULT_MAX_QUEUED_MESSAGES, DEFAULT_MAX_INFLIGHT_MESSAGES, Duration.ofSeconds(10), null);
    }

    public MosquittoConfig withPort(int newPort) {
        return new MosquittoConfig(host, newPort, dir, persistence, policy, executable, maxQueuedMessages,
            maxInflightMessages, startTimeout, tls);
    }

    public MosquittoConfig withPersistence(MqttPersistence newPersistence) {
        return new MosquittoConfig(host, port, dir, newPersistence, policy, executable, maxQueuedMessages,
            maxInflightMessages, startTimeout, tls);
    }

    public MosquittoConfig withExecutable(Path newExecutable) {
        return new MosquittoConfig(host, port, dir, persistence, policy, newExecutable, maxQueuedMessages,
            maxInflightMessages, startTimeout, tls);
    }

    public MosquittoConfig withMaxInflightMessages(int newMax) {
        return new MosquittoConfig(host, port, dir, persistence, policy, executable, maxQueuedMessages, newMax,
            startTimeout, tls);
    }

    /** Adds an MQTT-over-TLS listener (or removes it, with null). */
    public MosquittoConfig withTls(MqttTlsListener newTls) {
        return new MosquittoConfig(host, port, dir, persistence, policy, executable, maxQueuedMessages,
            maxInflightMessages, startTimeout, newTls);
    }
}
