package io.parkwatch.bench;

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
     * Each poll is a ListOffsets request that the embedded broker serves on the benchmark's CPUs
     * (about as costly as a produce request): polling every 5 ms throughout doubled the broker's
     * requests in the gateway phase. So polls are spaced by half the expected time to the target,
     * between these bounds: a few dozen per phase, and the end still caught within 5 ms.
     */
    private static final long MIN_POLL_MILLIS = 5;
    private static final long MAX_POLL_MILLIS = 250;

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
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long first = total();
        long total = first;
        Progress progress = new Progress("records in Kafka", target);
        while (total < target && System.nanoTime() < deadline) {
            Thread.sleep(pause(target - total, total - first, System.nanoTime() - started));
            total = total();
            progress.report(total);
        }
        return total;
    }

    /** Half the time the remaining records take at the rate seen so far, within the bounds. */
    static long pause(long remaining, long arrived, long elapsedNanos) {
        if (arrived <= 0 || elapsedNanos <= 0) {
            return MIN_POLL_MILLIS;
        }
        double millisPerRecord = elapsedNanos / 1e6 / arrived;
        long half = (long) (remaining * millisPerRecord / 2);
        return Math.max(MIN_POLL_MILLIS, Math.min(MAX_POLL_MILLIS, half));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
