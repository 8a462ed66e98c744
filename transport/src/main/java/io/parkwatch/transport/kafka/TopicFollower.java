package io.parkwatch.transport.kafka;

import io.parkwatch.transport.retry.Backoff;
import io.parkwatch.transport.retry.SupervisedLoop;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows topics into an in-memory view, without a consumer group: from where {@link StartAt}
 * puts each partition, up to the ends present at start (then {@link #awaitCaughtUp} answers),
 * then every record as it comes. Values are read as bytes and decoded one record at a time by
 * the handler, so that a record it cannot read or apply becomes an {@code UNREADABLE_RECORD}
 * rejection and is skipped instead of ending the reader. If the reader fails for any other
 * reason it is restarted with back-off, resuming after the last record it handled.
 */
public final class TopicFollower implements AutoCloseable {

    /** Reads and applies one record; throws when it cannot, and the record is then rejected and skipped. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(ConsumerRecord<String, byte[]> record);
    }

    /** Seeks the newly assigned partitions to where the view starts; the default is their beginning. */
    @FunctionalInterface
    public interface StartAt {
        void seek(Consumer<String, byte[]> consumer, List<TopicPartition> partitions);
    }

    public static final StartAt BEGINNING = Consumer::seekToBeginning;

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String name;
    private final Properties config;
    private final List<String> topics;
    private final StartAt startAt;
    private final RecordHandler handler;
    private final UnreadableRecords unreadable;
    private final SupervisedLoop loop;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    /** The next offset of each partition read so far; touched only by the loop's thread. */
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private volatile Consumer<String, byte[]> consumer;

    /**
     * @param name       of the thread and in logs
     * @param unreadable owned: closed with this
     */
    public TopicFollower(String name, KafkaConnection kafka, String clientId, List<String> topics, StartAt startAt,
                         RecordHandler handler, UnreadableRecords unreadable, Backoff backoff) {
        this.name = name;
        this.config = new Properties();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Streams outputs are written under exactly-once: records of aborted transactions never happened.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        kafka.apply(config);
        this.topics = List.copyOf(topics);
        this.startAt = startAt;
        this.handler = handler;
        this.unreadable = unreadable;
        this.loop = new SupervisedLoop(name, backoff, this::follow, this::wake);
    }

    public TopicFollower start() {
        loop.start();
        return this;
    }

    /** Waits until every record present at start is handled; false on time-out. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the reader runs: false while it waits out a back-off after a failure. Cheap: for health checks. */
    public boolean alive() {
        return loop.alive();
    }

    /** How often the reader failed and was started again. */
    public long restarts() {
        return loop.restarts();
    }

    private void follow() {
        KafkaConsumer<String, byte[]> opened = new KafkaConsumer<>(config, new StringDeserializer(),
            new ByteArrayDeserializer());
        consumer = opened;
        try {
            List<TopicPartition> partitions = partitions(opened);
            if (!loop.running()) {
                return;
            }
            opened.assign(partitions);
            startAt.seek(opened, partitions);
            // A restart resumes after the last record handled rather than replaying into the view.
            next.forEach((partition, offset) -> {
                if (partitions.contains(partition)) {
                    opened.seek(partition, offset);
                }
            });
            Map<TopicPartition, Long> ends = caughtUp.getCount() > 0 ? opened.endOffsets(partitions) : Map.of();
            while (loop.running()) {
                poll(opened);
                if (caughtUp.getCount() > 0 && reached(opened, ends)) {
                    caughtUp.countDown();
                    LOG.info("{} caught up with {}", name, topics);
                }
            }
        } catch (WakeupException e) {
            if (loop.running()) {
                throw e;
            }
        } finally {
            consumer = null;
            opened.close(Duration.ofSeconds(2));
        }
    }

    private void poll(Consumer<String, byte[]> opened) {
        try {
            for (ConsumerRecord<String, byte[]> record : opened.poll(POLL)) {
                try {
                    handler.handle(record);
                } catch (RuntimeException | StackOverflowError e) {
                    unreadable.reject(record.topic(), record.partition(), record.offset(), record.key(), record.value(), e);
                }
                next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
        } catch (RecordDeserializationException e) {
            // A record the client cannot even hand over (e.g. a corrupt batch): park what it kept, seek past it.
            unreadable.reject(e.topicPartition().topic(), e.topicPartition().partition(), e.offset(), null,
                bytes(e.valueBuffer()), e);
            opened.seek(e.topicPartition(), e.offset() + 1);
            next.put(e.topicPartition(), e.offset() + 1);
        }
    }

    /** Waits for every topic's partitions: a topic may not be created yet. */
    private List<TopicPartition> partitions(Consumer<String, byte[]> opened) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> found = List.of();
            for (int attempt = 1; loop.running() && found.isEmpty(); attempt++) {
                found = opened.partitionsFor(topic, Duration.ofSeconds(5));
                if (found.isEmpty() && attempt % 6 == 0) {
                    LOG.warn("{} still waiting for the topic {}", name, topic);
                }
            }
            found.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private static boolean reached(Consumer<String, byte[]> opened, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (opened.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private void wake() {
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void close() {
        loop.close();
        unreadable.close();
    }
}
