package io.parkwatch.infra.kafka;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to run the in-JVM Kafka broker.
 *
 * @param host loopback host the listeners bind to and advertise; {@code null} means 127.0.0.1
 * @param port client port; 0 picks a free loopback port
 * @param dataDir where Kafka keeps its data ({@code logs/} and {@code metadata/} inside); formatted
 *     when new or empty, reused as is when it already holds formatted Kafka storage
 * @param overrides broker properties applied over the small-node defaults; the listener and
 *     quorum layout is owned by the launcher and cannot be overridden
 * @param startTimeout how long to wait for the broker to become ready; {@code null} means 90 s (a loaded 2-core machine took over 30 s)
 * @param secured an additional SASL_SSL client listener, or {@code null} for none
 * @param quorum this node's place in a cluster, or {@code null} for a cluster of one
 */
public record EmbeddedKafkaConfig(
        String host, int port, Path dataDir, Map<String, String> overrides, Duration startTimeout,
        SaslScramListener secured, KraftQuorum quorum) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

    /**
     * Keys that define the node's identity, listeners and storage; overriding them would make
     * the launcher's view (bootstrap address, formatted directory) disagree with the broker's.
     */
    static final Set<String> RESERVED_KEYS = Set.of(
        "process.roles", "node.id", "broker.id", "listeners", "advertised.listeners",
        "listener.security.protocol.map", "inter.broker.listener.name",
        "controller.listener.names", "controller.quorum.voters",
        "controller.quorum.bootstrap.servers", "log.dirs", "log.dir", "metadata.log.dir");

    public EmbeddedKafkaConfig {
        host = host == null ? DEFAULT_HOST : host.strip();
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
        requireLoopback(host);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(
                "Kafka port must be 0 (any free port) or 1-65535, got " + port);
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("Kafka data directory is required");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("Kafka start timeout must be positive, got " + startTimeout);
        }
        Set<String> reserved = new TreeSet<>(overrides.keySet());
        reserved.retainAll(RESERVED_KEYS);
        if (!reserved.isEmpty()) {
            throw new IllegalArgumentException("Kafka broker overrides may not set " + reserved
                + ": the embedded launcher owns the listeners, node identity and log directory");
        }
    }

    /** Without a secured listener. */
    public EmbeddedKafkaConfig(String host, int port, Path dataDir, Map<String, String> overrides,
                               Duration startTimeout) {
        this(host, port, dataDir, overrides, startTimeout, null, null);
    }

    /** Defaults: 127.0.0.1, a free port, no overrides, 30 s start timeout. */
    public static EmbeddedKafkaConfig of(Path dataDir) {
        return new EmbeddedKafkaConfig(DEFAULT_HOST, 0, dataDir, Map.of(), DEFAULT_START_TIMEOUT);
    }

    public EmbeddedKafkaConfig withHost(String newHost) {
        return new EmbeddedKafkaConfig(newHost, port, dataDir, overrides, startTimeout, secured, quorum);
    }

    public EmbeddedKafkaConfig withPort(int newPort) {
        return new EmbeddedKafkaConfig(host, newPort, dataDir, overrides, startTimeout, secured, quorum);
    }

    public EmbeddedKafkaConfig withOverrides(Map<String, String> newOverrides) {
        return new EmbeddedKafkaConfig(host, port, dataDir, newOverrides, startTimeout, secured, quorum);
    }

    public EmbeddedKafkaConfig withStartTimeout(Duration newStartTimeout) {
        return new EmbeddedKafkaConfig(host, port, dataDir, overrides, newStartTimeout, secured, quorum);
    }

    public EmbeddedKafkaConfig withSecuredListener(SaslScramListener listener) {
        return new EmbeddedKafkaConfig(host, port, dataDir, overrides, startTimeout, listener, quorum);
    }

    public EmbeddedKafkaConfig withQuorum(KraftQuorum newQuorum) {
        return new EmbeddedKafkaConfig(host, port, dataDir, overrides, startTimeout, secured, newQuorum);
    }

    int nodeId() {
        return quorum == null ? BrokerSettings.NODE_ID : quorum.nodeId();
    }

    private static void requireLoopback(String host) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("Kafka host must not be blank");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Kafka host '" + host + "' does not resolve", e);
        }
        // The embedded broker has no authentication; it must never listen beyond this machine.
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("Kafka host '" + host + "' is not a loopback address;"
                + " the embedded broker only listens on loopback (e.g. 127.0.0.1)");
        }
    }
}
