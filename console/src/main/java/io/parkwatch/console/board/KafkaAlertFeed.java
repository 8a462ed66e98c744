package io.parkwatch.console.board;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.kafka.TopicFollower;
import io.parkwatch.transport.kafka.UnreadableRecords;
import io.parkwatch.transport.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Feeds the board from {@code parkwatch.alerts.v1} on its own thread. No consumer group: every
 * start reads every partition again, from the beginning or from {@code lookBack} ago, so the
 * board is rebuilt from the topic and nothing is committed. An event it cannot read or fold goes
 * to the rejected topic and is skipped; the reader itself is restarted if it fails.
 */
public final class KafkaAlertFeed implements AutoCloseable {

    private final FoldedAlertBoard board;
    private final Deserializer<AlertEvent> events = Topics.ALERTS.valueSerde().deserializer();
    private final TopicFollower follower;

    /**
     * @param lookBack   how far back to start reading; {@link Duration#ZERO} reads the whole topic
     * @param unreadable where records that cannot be read go; owned: closed with this feed
     */
    public KafkaAlertFeed(String bootstrapServers, FoldedAlertBoard board, Duration lookBack, Clock clock,
                          UnreadableRecords unreadable) {
        this(KafkaConnection.to(bootstrapServers), board, lookBack, clock, unreadable);
    }

    public KafkaAlertFeed(KafkaConnection kafka, FoldedAlertBoard board, Duration lookBack, Clock clock,
                          UnreadableRecords unreadable) {
        this.board = board;
        this.follower = new TopicFollower("alert-board-feed", kafka, "parkwatch-alert-board",
            List.of(Topics.ALERTS.name()), startAt(lookBack, clock), this::fold, unreadable, Backoff.DEFAULT);
    }

    public KafkaAlertFeed start() {
        follower.start();
        return this;
    }

    /** Waits until the board holds what the topic held at start; false on time-out. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    /** Whether the feed is reading (false while it waits to restart after a failure); cheap, for health checks. */
    public boolean alive() {
        return follower.alive();
    }

    private void fold(ConsumerRecord<String, byte[]> record) {
        AlertEvent event = events.deserialize(record.topic(), record.value());
        if (event != null) {
            board.apply(event);
        }
    }

    /** From the beginning, or from the first event within the look-back (the beginning when there is none). */
    private static TopicFollower.StartAt startAt(Duration lookBack, Clock clock) {
        return (Consumer<String, byte[]> consumer, List<TopicPartition> partitions) -> {
            consumer.seekToBeginning(partitions);
            if (lookBack.isZero()) {
                return;
            }
            long from = clock.millis() - lookBack.toMillis();
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(partition -> at.put(partition, from));
            for (Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(at).entrySet()) {
                if (found.getValue() != null) {
                    consumer.seek(found.getKey(), found.getValue().offset());
                }
            }
        };
    }

    @Override
    public void close() {
        follower.close();
    }
}
