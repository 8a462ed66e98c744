package io.parkwatch.transport.kafka;

import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.contracts.topics.TopicSpec;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends rejections keyed by the sender's enterprise, or by the source when it is unknown. */
public final class KafkaRejectionPublisher implements RejectionPublisher {

    private final Producer<String, Rejection> producer;
    private final String topic;

    public KafkaRejectionPublisher(Producer<String, Rejection> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public static KafkaRejectionPublisher create(String bootstrapServers, String clientId,
                                                 TopicSpec<String, Rejection> topic) {
        return create(KafkaConnection.to(bootstrapServers), clientId, topic);
    }

    public static KafkaRejectionPublisher create(KafkaConnection kafka, String clientId,
                                                 TopicSpec<String, Rejection> topic) {
        return new KafkaRejectionPublisher(new KafkaProducer<>(DurableProducerSettings.of(kafka, clientId),
            topic.keySerde().serializer(), topic.valueSerde().serializer()), topic.name());
    }

    @Override
    public CompletableFuture<Void> publish(Rejection rejection) {
        String key = rejection.enterprise() != null ? rejection.park() + '/' + rejection.enterprise() : rejection.source();
        return KafkaSends.send(producer, new ProducerRecord<>(topic, key, rejection)).thenApply(metadata -> null);
    }

    @Override
    public void close() {
        producer.close();
    }
}
