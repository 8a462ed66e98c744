package io.parkwatch.ingest.publish;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.DurableProducerSettings;
import io.parkwatch.contracts.topics.KafkaSends;
import io.parkwatch.contracts.topics.TopicSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends readings keyed by point, so that one point's readings stay in order on one partition. */
public final class KafkaReadingPublisher implements ReadingPublisher {

    private final Producer<String, Reading> producer;
    private final String topic;

    public KafkaReadingPublisher(Producer<String, Reading> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public static KafkaReadingPublisher create(String bootstrapServers, TopicSpec<String, Reading> topic) {
        return new KafkaReadingPublisher(new KafkaProducer<>(DurableProducerSettings.of(bootstrapServers,
            "parkwatch-gateway-readings"), topic.keySerde().serializer(), topic.valueSerde().serializer()),
            topic.name());
    }

    @Override
    public CompletableFuture<Void> publish(List<Reading> readings) {
        CompletableFuture<?>[] sends = new CompletableFuture<?>[readings.size()];
        for (int i = 0; i < readings.size(); i++) {
            Reading reading = readings.get(i);
            sends[i] = KafkaSends.send(producer, new ProducerRecord<>(topic, reading.pointKey(), reading));
        }
        return CompletableFuture.allOf(sends);
    }

    @Override
    public void close() {
        producer.close();
    }
}
