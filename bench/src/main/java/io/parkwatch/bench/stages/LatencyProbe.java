package io.parkwatch.bench.stages;

import io.parkwatch.contracts.topics.TopicSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic as it is written (read-committed, fetches of at most 10 ms wait) and keeps, for each record the
 * {@code sentAt} function recognises, the time from that instant to the record's arrival here.
 */
final class LatencyProbe<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final Function<V, Instant> sentAt;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Object lock = new Object();
    private double[] millis = new double[1 << 16];
    private int count;

    LatencyProbe(String bootstrap, TopicSpec<String, V> topic, Function<V, Instant> sentAt) {
        this(bootstrap, topic.name(), topic.valueSerde().deserializer(), sentAt);
    }

    /** With a reader of its own for the values, e.g. one that picks out only the send time. */
    LatencyProbe(String bootstrap, String topic, Deserializer<V> values, Function<V, Instant> sentAt) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, "bench-probe-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            // A fetch per 10 ms at most, or per 64 KiB: each probe fetching whatever had arrived,
            // hundreds of times a second, cost the broker (on the measured machine) more than
            // the probe's reading; it adds at most 10 ms to a measured latency, never less.
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10, ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024),
            new StringDeserializer(), values);
        this.sentAt = sentAt;
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::poll, "bench-probe-" + topic);
    }

    /** Joins the group and waits for its partitions, so that nothing sent afterwards is missed. */
    LatencyProbe<V> start() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        thread.start();
        return this;
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.currentTimeMillis();
                Instant sent = record.value() == null ? null : sentAt.apply(record.value());
                if (sent != null) {
                    add(now - sent.toEpochMilli());
                }
            }
        }
        consumer.close();
    }

    private void add(double latency) {
        synchronized (lock) {
            if (count == millis.length) {
                millis = java.util.Arrays.copyOf(millis, count * 2);
            }
            millis[count++] = latency;
        }
    }

    /** Forgets the latencies recorded so far. */
    void reset() {
        synchronized (lock) {
            count = 0;
        }
    }

    int count() {
        synchronized (lock) {
            return count;
        }
    }

    double[] samples() {
        synchronized (lock) {
            return java.util.Arrays.copyOf(millis, count);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
