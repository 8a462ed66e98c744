package io.parkwatch.console.state;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the console's state (registry, coverage, completeness, rule packs) from their topics on
 * one thread with one consumer. No consumer group and nothing committed: every start reads each
 * topic again, from the beginning or from its look-back, so the state is rebuilt from Kafka.
 * A record a fold cannot read is logged and skipped: bad data is its producer's mistake.
 */
public final class KafkaStateFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStateFeed.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, FoldedTopic> topics = new HashMap<>();
    private final Clock clock;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;

    public KafkaStateFeed(String bootstrapServers, String clientId, List<FoldedTopic> folded, Clock clock) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Coverage and completeness are written under exactly-once: aborted rows never happened.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        folded.forEach(topic -> topics.put(topic.topic(), topic));
        this.clock = clock;
        this.thread = new Thread(this::run, "console-state-feed");
        this.thread.setDaemon(true);
    }

    public KafkaStateFeed start() {
        thread.start();
        return this;
    }

    /** Waits until every topic's records present at start are folded; false on time-out. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            Map<TopicPartition, Long> ends = assign();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    fold(record);
                }
                if (caughtUp.getCount() > 0 && reached(ends)) {
                    caughtUp.countDown();
                    LOG.info("console state caught up with {}", topics.keySet());
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll: the thread ends.
        } catch (RuntimeException e) {
            LOG.error("console state feed stopped: the service keeps its last state", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void fold(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        try {
            topics.get(record.topic()).fold().apply(record.key(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("record {}-{}@{} not folded: {}", record.topic(), record.partition(), record.offset(),
                e.toString());
        }
    }

    /** Waits for the topics' partitions (a topic may not exist yet) and seeks each to where its state starts. */
    private Map<TopicPartition, Long> assign() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics.keySet()) {
            List<PartitionInfo> found = List.of();
            while (running && found.isEmpty()) {
                found = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            }
            found.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> at = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Duration lookBack = topics.get(partition.topic()).lookBack();
            if (!lookBack.isZero()) {
                at.put(partition, clock.millis() - lookBack.toMillis());
            }
        }
        if (!at.isEmpty()) {
            List<TopicPartition> nothingSince = new ArrayList<>();
            for (Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(at).entrySet()) {
                if (found.getValue() != null) {
                    consumer.seek(found.getKey(), found.getValue().offset());
                } else {
                    nothingSince.add(found.getKey());
                }
            }
            // No record within the look-back: nothing of it is current, start at the end. Only when
            // there are such partitions: seekToEnd of an empty list seeks every assigned partition,
            // which skipped the whole registry once each look-back partition had a recent record.
            if (!nothingSince.isEmpty()) {
                consumer.seekToEnd(nothingSince);
            }
        }
        return consumer.endOffsets(partitions);
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
