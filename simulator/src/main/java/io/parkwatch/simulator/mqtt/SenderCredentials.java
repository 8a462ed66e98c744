package io.parkwatch.simulator.mqtt;

import io.parkwatch.transport.tls.TlsMaterial;

/**
 * The MQTT login an enterprise publishes with.
 *
 * @param tls for an {@code ssl://} broker: the CA to trust and, for a certificate login, this login's
 *            client certificate; null for plain TCP or the JVM's default trust store
 */
public record SenderCredentials(String username, char[] password, TlsMaterial tls) {

    public SenderCredentials {
        password = password.clone();
    }

    /** A password login. */
    public SenderCredentials(String username, char[] password) {
        this(username, password, null);
    }

    @Override
    public char[] password() {
        return password.clone();
    }
}
