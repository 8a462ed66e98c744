package io.parkwatch.console.board;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.topics.Topics;
import java.time.Clock;
import java.time.Duration;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the board from {@code parkwatch.alerts.v1} on its own thread. No consumer group: every
 * start reads every partition again, from the beginning or from {@code lookBack} ago, so the
 * board is rebuilt from the topic and nothing is committed.
 */
public final class KafkaAlertFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAlertFeed.class);

    private final KafkaConsumer<String, AlertEvent> consumer;
    private final FoldedAlertBoard board;
    private final Duration lookBack;
    private final Clock clock;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;

    /** @param lookBack how far back to start reading; {@link Duration#ZERO} reads the whole topic */
    public KafkaAlertFeed(String bootstrapServers, FoldedAlertBoard board, Duration lookBack, Clock clock) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "parkwatch-alert-board");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The topologies write under exactly-once: events of aborted transactions never happened.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, Topics.ALERTS.keySerde().deserializer(),
            Topics.ALERTS.valueSerde().deserializer());
        this.board = board;
        this.lookBack = lookBack;
        this.clock = clock;
        this.thread = new Thread(this::run, "alert-board-feed");
        this.thread.setDaemon(true);
    }

    public KafkaAlertFeed start() {
        thread.start();
        return this;
    }

    /** Waits until the board holds what the topic held at start; false on time-out. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            Map<TopicPartition, Long> ends = assign();
            while (running) {
                for (ConsumerRecord<String, AlertEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    fold(record);
                }
                if (caughtUp.getCount() > 0 && reached(ends)) {
                    caughtUp.countDown();
                    LOG.info("alert board caught up with {}", Topics.ALERTS.name());
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll: the thread ends.
        } catch (RuntimeException e) {
            LOG.error("alert board feed stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void fold(ConsumerRecord<String, AlertEvent> record) {
        if (record.value() == null) {
            return;
        }
        try {
            board.apply(record.value());
        } catch (RuntimeException e) {
            LOG.warn("alert event at {}-{}@{} not folded: {}", record.topic(), record.partition(), record.offset(),
                e.toString());
        }
    }

    /** Waits for the topic's partitions (it may not exist yet) and seeks to where the board starts. */
    private Map<TopicPartition, Long> assign() {
        List<TopicPartition> partitions = List.of();
        while (running && partitions.isEmpty()) {
            partitions = consumer.partitionsFor(Topics.ALERTS.name(), Duration.ofSeconds(5)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        if (!lookBack.isZero()) {
            long from = clock.millis() - lookBack.toMillis();
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(partition -> at.put(partition, from));
            for (Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(at).entrySet()) {
                if (found.getValue() != null) {
                    consumer.seek(found.getKey(), found.getValue().offset());
                }
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
