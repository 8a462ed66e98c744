package io.parkwatch.infra.mqtt;

import java.util.Optional;

/** Who may connect to the MQTT broker and what each of them may publish and subscribe to. */
public interface MqttAccessPolicy {

    /**
     * The grant of {@code username} when {@code password} (the raw bytes of the CONNECT password
     * field) is right; empty for an unknown user or a wrong password, without telling which.
     */
    Optional<MqttGrant> authenticate(String username, byte[] password);
}
