package io.parkwatch.testkit;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The readings and rejected topics read between two moments: the end offsets taken before a
 * packet or frame is sent, and those taken when its answer arrived. What is written after the answer lies
 * beyond the window and is not seen.
 */
public final class KafkaWindow implements AutoCloseable {

    private final KafkaConsumer<String, Reading> readings;
    private final KafkaConsumer<String, Rejection> rejected;

    public KafkaWindow(String bootstrap) {
        this.readings = consumer(bootstrap, Topics.READINGS);
        this.rejected = consumer(bootstrap, Topics.REJECTED);
    }

    public Map<TopicPartition, Long> readingsEnd() {
        return readings.endOffsets(partitions(readings, Topics.READINGS));
    }

    public Map<TopicPartition, Long> rejectedEnd() {
        return rejected.endOffsets(partitions(rejected, Topics.REJECTED));
    }

    /** The readings from {@code from} up to the end offsets as they stand now. */
    public List<Reading> readingsUpToNow(Map<TopicPartition, Long> from) {
        return between(readings, from, readingsEnd());
    }

    public List<Rejection> rejectedUpToNow(Map<TopicPartition, Long> from) {
        return between(rejected, from, rejectedEnd());
    }

    private static <V> KafkaConsumer<String, V> consumer(String bootstrap, TopicSpec<String, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, TopicSpec<?, ?> topic) {
        return consumer.partitionsFor(topic.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** The records from {@code from} up to (excluding) {@code to}, every partition read to its end. */
    private static <V> List<V> between(KafkaConsumer<String, V> consumer, Map<TopicPartition, Long> from,
                                       Map<TopicPartition, Long> to) {
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        List<V> values = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (to.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the records up to " + to + " could not be read in 30 s");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
                    values.add(r.value());
                }
            });
        }
        return values;
    }

    @Override
    public void close() {
        readings.close();
        rejected.close();
    }
}
