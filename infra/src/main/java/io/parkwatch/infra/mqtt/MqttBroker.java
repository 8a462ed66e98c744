package io.parkwatch.infra.mqtt;

import java.util.Optional;

/** A running MQTT broker that this process started and stops on {@link #close()}. */
public interface MqttBroker extends AutoCloseable {

    /** The CLI flag that chooses the MQTT port; a taken port fails naming it. */
    String PORT_FLAG = "--mqtt-port";

    /** Where clients connect, e.g. {@code tcp://127.0.0.1:1883}. */
    String uri();

    int port();

    /** Where TLS clients connect, e.g. {@code ssl://127.0.0.1:8883}; empty without a TLS listener. */
    default Optional<String> tlsUri() {
        return Optional.empty();
    }

    /** Stops the broker; calling it again does nothing. */
    @Override
    void close();
}
