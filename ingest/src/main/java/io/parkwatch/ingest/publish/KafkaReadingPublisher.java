package io.parkwatch.ingest.publish;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.transport.kafka.KafkaConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends readings keyed by point, so that one point's readings stay in order on one partition. */
public final class KafkaReadingPublisher implements ReadingPublisher {

    private final Producer<String, Reading> producer;
    private final String topic;

    public KafkaReadingPublisher(Producer<String, Reading> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public static KafkaReadingPublisher create(String bootstrapServers, TopicSpec<String, Reading> topic) {
        return create(KafkaConnection.to(bootstrapServers), topic);
    }

    public static KafkaReadingPublisher create(KafkaConnection kafka, TopicSpec<String, Reading> topic) {
        return new KafkaReadingPublisher(new KafkaProducer<>(DurableProducerSettings.of(kafka,
            "parkwatch-gateway-readings"), topic.keySerde().serializer(), topic.valueSerde().serializer()),
            topic.name());
    }

    /**
     * The gateway's producer configuration, the durable one (acks=all, idempotent, lz4, linger
     * 5 ms): benchmarks give their raw producer exactly this, so that they compare like with like.
     * (A 20 ms linger halved the produce requests per record at one reading per message but saved
     * no CPU measurably, so the gateway keeps the shorter wait.)
     */
    public static Map<String, Object> producerSettings(String bootstrapServers, String clientId) {
        return DurableProducerSettings.of(bootstrapServers, clientId);
    }

    @Override
    public CompletableFuture<Void> publish(List<Reading> readings) {
        BatchAcknowledgement batch = new BatchAcknowledgement(readings.size());
        String key = null;
        Reading previous = null;
        for (Reading reading : readings) {
            if (previous == null || !samePoint(previous, reading)) {
                // A message's readings nearly always share their point: build its key once.
                key = reading.pointKey();
                previous = reading;
            }
            try {
                producer.send(new ProducerRecord<>(topic, key, reading), batch);
            } catch (RuntimeException e) {
                // send() throws synchronously for a closed producer or a serialisation failure.
                batch.onCompletion(null, e);
            }
        }
        return batch.done;
    }

    private static boolean samePoint(Reading a, Reading b) {
        return a.point().equals(b.point()) && a.enterprise().equals(b.enterprise()) && a.park().equals(b.park());
    }

    @Override
    public void close() {
        producer.close();
    }

    /**
     * One callback for all records of a batch (rather than a future each): done once every
     * record is acknowledged, or failed with the first error once every send has completed.
     */
    private static final class BatchAcknowledgement implements Callback {

        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final AtomicInteger pending;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        BatchAcknowledgement(int records) {
            this.pending = new AtomicInteger(records);
            if (records == 0) {
                done.complete(null);
            }
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            if (pending.decrementAndGet() == 0) {
                Exception failed = failure.get();
                if (failed == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(failed);
                }
            }
        }
    }
}
