package io.parkwatch.transport.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Producer settings under which an acknowledged send is in every in-sync replica and retries
 * never duplicate or reorder (acks=all, idempotence).
 */
public final class DurableProducerSettings {

    private DurableProducerSettings() {
    }

    /** A cluster reached with Kafka's defaults otherwise (tests, benchmarks, the embedded broker). */
    public static Map<String, Object> of(String bootstrapServers, String clientId) {
        return of(KafkaConnection.to(bootstrapServers), clientId);
    }

    /** The connection's client properties go over the tuning here; the durability settings are reserved. */
    public static Map<String, Object> of(KafkaConnection kafka, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return kafka.apply(config);
    }
}
