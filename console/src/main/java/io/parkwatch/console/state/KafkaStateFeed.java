package io.parkwatch.console.state;

import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.kafka.TopicFollower;
import io.parkwatch.transport.kafka.UnreadableRecords;
import io.parkwatch.transport.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps the console's state (registry, coverage, completeness, rule packs) from their topics on
 * one thread with one consumer. No consumer group and nothing committed: every start reads each
 * topic again, from the beginning or from its look-back, so the state is rebuilt from Kafka.
 * A record a fold cannot read goes to the rejected topic and is skipped: bad data is its
 * producer's mistake. The reader itself is restarted if it fails.
 */
public final class KafkaStateFeed implements AutoCloseable {

    private final Map<String, FoldedTopic> topics = new HashMap<>();
    private final Clock clock;
    private final TopicFollower follower;

    /** @param unreadable where records that cannot be read go; owned: closed with this feed */
    public KafkaStateFeed(String bootstrapServers, String clientId, List<FoldedTopic> folded, Clock clock,
                          UnreadableRecords unreadable) {
        this(KafkaConnection.to(bootstrapServers), clientId, folded, clock, unreadable);
    }

    /** @param unreadable where records that cannot be read go; owned: closed with this feed */
    public KafkaStateFeed(KafkaConnection kafka, String clientId, List<FoldedTopic> folded, Clock clock,
                          UnreadableRecords unreadable) {
        folded.forEach(topic -> topics.put(topic.topic(), topic));
        this.clock = clock;
        this.follower = new TopicFollower("console-state-feed", kafka, clientId,
            List.copyOf(topics.keySet()), this::startAt, this::fold, unreadable, Backoff.DEFAULT);
    }

    public KafkaStateFeed start() {
        follower.start();
        return this;
    }

    /** Waits until every topic's records present at start are folded; false on time-out. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    /** Whether the feed is reading (false while it waits to restart after a failure); cheap, for health checks. */
    public boolean alive() {
        return follower.alive();
    }

    private void fold(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        topics.get(record.topic()).fold().apply(record.key(), record.value());
    }

    /** Seeks each partition to where its topic's state starts. */
    private void startAt(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> at = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Duration lookBack = topics.get(partition.topic()).lookBack();
            if (!lookBack.isZero()) {
                at.put(partition, clock.millis() - lookBack.toMillis());
            }
        }
        if (at.isEmpty()) {
            return;
        }
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

    @Override
    public void close() {
        follower.close();
    }
}
