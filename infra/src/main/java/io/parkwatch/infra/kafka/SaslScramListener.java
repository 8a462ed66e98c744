package io.parkwatch.infra.kafka;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A second client listener of the embedded broker that requires TLS and SASL/SCRAM-SHA-512
 * ({@code SASL_SSL}), for tests of clients configured as on a secured production cluster. The
 * plain listener stays, for the launcher's own admin client and for the brokers among themselves.
 *
 * @param port     0 picks a free loopback port
 * @param keyStore a PEM file holding the broker's private key (PKCS#8, unencrypted) and its
 *                 certificate chain; the certificate must name the listener's host
 * @param users    SCRAM users created at start, name to password
 */
public record SaslScramListener(int port, Path keyStore, Map<String, String> users) {

    public static final String NAME = "SECURED";
    public static final String MECHANISM = "SCRAM-SHA-512";

    public SaslScramListener {
        Objects.requireNonNull(keyStore, "keyStore is required");
        users = Map.copyOf(users);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("secured Kafka port must be 0 (any free port) or 1-65535, got " + port);
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("a SASL/SCRAM listener needs at least one user");
        }
    }

    /** The listener's broker properties, on top of the node layout. */
    Map<String, String> brokerProperties() {
        String prefix = "listener.name." + NAME.toLowerCase(Locale.ROOT) + ".";
        return Map.of(
            prefix + "sasl.enabled.mechanisms", MECHANISM,
            prefix + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            prefix + "ssl.keystore.type", "PEM",
            prefix + "ssl.keystore.location", keyStore.toAbsolutePath().toString());
    }
}
