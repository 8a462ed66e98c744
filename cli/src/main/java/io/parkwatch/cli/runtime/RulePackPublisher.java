package io.parkwatch.cli.runtime;

import io.parkwatch.contracts.rules.RulePackRecord;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.kafka.KafkaSends;
import io.parkwatch.contracts.topics.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes a rule pack to the compacted rules topic (null: withdraws it), waiting for the broker's ack. */
public final class RulePackPublisher {

    private RulePackPublisher() {
    }

    public static void publish(String bootstrapServers, String name, RulePackRecord record)
            throws ExecutionException, InterruptedException, TimeoutException {
        publish(KafkaConnection.to(bootstrapServers), name, record);
    }

    public static void publish(KafkaConnection kafka, String name, RulePackRecord record)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (KafkaProducer<String, RulePackRecord> producer = new KafkaProducer<>(
            DurableProducerSettings.of(kafka, "parkwatch-rules"),
            Topics.RULES.keySerde().serializer(), Topics.RULES.valueSerde().serializer())) {
            KafkaSends.send(producer, new ProducerRecord<>(Topics.RULES.name(), name, record)).get(30, TimeUnit.SECONDS);
        }
    }
}
