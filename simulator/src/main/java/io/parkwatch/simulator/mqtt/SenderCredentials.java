package io.parkwatch.simulator.mqtt;

/** The MQTT login an enterprise publishes with. */
public record SenderCredentials(String username, char[] password) {

    public SenderCredentials {
        password = password.clone();
    }

    @Override
    public char[] password() {
        return password.clone();
    }
}
