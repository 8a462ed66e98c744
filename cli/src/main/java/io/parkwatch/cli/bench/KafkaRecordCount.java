package io.parkwatch.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Records in a topic, from the end offsets of its partitions: cheap enough to poll every few
 * milliseconds while a benchmark runs, and exact for a topic that only idempotent producers write.
 */
public final class KafkaRecordCount implements AutoCloseable {

    /**
     * Each poll is a ListOffsets request the embedded broker serves on the benchmark's CPUs; 20 ms
     * keeps that load negligible and the end of a phase of seconds exact to about 1 %.
     */
    private static final long POLL_MILLIS = 20;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;

    public KafkaRecordCount(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(info -> new TopicPartition(topic, info.partition())).toList();
        // Assigned, so that the consumer keeps no group and logs nothing about lost assignments.
        consumer.assign(partitions);
    }

    public long total() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until the topic holds {@code target} records; returns how many it holds. */
    public long awaitAtLeast(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long total = total();
        Progress progress = new Progress("records in Kafka", target);
        while (total < target && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            total = total();
            progress.report(total);
        }
        return total;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
