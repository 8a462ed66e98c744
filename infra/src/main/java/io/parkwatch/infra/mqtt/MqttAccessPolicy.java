package io.parkwatch.infra.mqtt;

import java.util.Optional;

/** Who may connect to the MQTT broker and what each of them may publish and subscribe to. */
public interface MqttAccessPolicy {

    /**
     * The grant of {@code username} when {@code password} (the raw bytes of the CONNECT password
     * field) is right; empty for an unknown user or a wrong password, without telling which.
     */
    Optional<MqttGrant> authenticate(String username, byte[] password);

    /**
     * The grant of {@code login} when the broker has proved it otherwise: a client certificate that
     * the TLS listener verified against its client CA, whose common name is {@code login}. Empty when
     * no such login exists; a policy without certificate logins refuses all.
     */
    default Optional<MqttGrant> certificateLogin(String login) {
        return Optional.empty();
    }
}
