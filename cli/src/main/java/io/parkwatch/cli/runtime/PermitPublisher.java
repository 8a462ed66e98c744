package io.parkwatch.cli.runtime;

import io.parkwatch.contracts.permit.PermitRecord;
import io.parkwatch.contracts.rules.RulePackRecord;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import java.util.List;
import java.util.Map;
import io.parkwatch.transport.kafka.KafkaConnection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes emission permits: each permit on the permits topic and its compiled rule pack on the
 * rules topic, all in one Kafka transaction, so that the alert engine never judges a permit the
 * permits topic does not hold, nor the reverse; a failure publishes none of them.
 */
public final class PermitPublisher {

    /** One permit to publish (a null record and pack withdraw it). */
    public record Entry(String permitKey, PermitRecord permit, String packName, RulePackRecord pack) {
    }

    private PermitPublisher() {
    }

    public static void publish(KafkaConnection kafka, List<Entry> entries) {
        Map<String, Object> config = DurableProducerSettings.of(kafka, "parkwatch-permits");
        // One transactional id: two loads at once fence each other rather than interleave.
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "parkwatch-permits-load");
        var permits = Topics.PERMITS.valueSerde().serializer();
        var packs = Topics.RULES.valueSerde().serializer();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
            new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                for (Entry entry : entries) {
                    producer.send(new ProducerRecord<>(Topics.PERMITS.name(), entry.permitKey(),
                        entry.permit() == null ? null : permits.serialize(Topics.PERMITS.name(), entry.permit())));
                    producer.send(new ProducerRecord<>(Topics.RULES.name(), entry.packName(),
                        entry.pack() == null ? null : packs.serialize(Topics.RULES.name(), entry.pack())));
                }
                producer.commitTransaction();
            } catch (KafkaException e) {
                producer.abortTransaction();
                throw new IllegalStateException("publishing permits to " + Topics.PERMITS.name() + " and "
                    + Topics.RULES.name() + " failed, nothing was published: " + e.getMessage(), e);
            }
        }
    }
}
