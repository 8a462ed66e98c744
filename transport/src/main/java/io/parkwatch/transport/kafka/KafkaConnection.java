package io.parkwatch.transport.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The Kafka cluster a service talks to: its bootstrap servers ({@code --kafka}) and the client
 * properties of the operator's file ({@code --kafka-config}: TLS, SASL, time-outs, tuning). Every
 * producer, consumer, admin client and Kafka Streams configuration parkwatch builds goes through
 * {@link #apply}, so a property of the file reaches all of them.
 *
 * @param clientProperties none of {@link KafkaClientProperties#RESERVED}: checked here as well as
 *                         when the file is read, so no path around the check exists
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientProperties) {

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers is required");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers are empty");
        }
        clientProperties = Map.copyOf(clientProperties);
        KafkaClientProperties.requireNoReserved(clientProperties, "client properties");
    }

    /** A cluster reached with Kafka's defaults (plaintext, no authentication). */
    public static KafkaConnection to(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /**
     * Puts the file's properties over parkwatch's settings of one client, then the bootstrap
     * servers; returns {@code config}. The file may change any tuning parkwatch chose (it holds
     * none of the reserved keys its guarantees depend on).
     */
    public Map<String, Object> apply(Map<String, Object> config) {
        config.putAll(clientProperties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** {@link #apply} for a {@link Properties}. */
    public Properties apply(Properties config) {
        config.putAll(clientProperties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** A new configuration holding only the connection, for a client with Kafka's defaults otherwise. */
    public Map<String, Object> config() {
        return apply(new LinkedHashMap<>());
    }

    /** Never the properties: they hold secrets. */
    @Override
    public String toString() {
        return bootstrapServers + (clientProperties.isEmpty() ? "" : " (+" + clientProperties.size() + " client properties)");
    }
}
