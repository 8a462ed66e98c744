package io.parkwatch.cli.runtime;

import io.parkwatch.transport.kafka.KafkaConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's lag, as Kafka sees it: records between the group's committed offsets and
 * the partitions' last stable offsets (read_committed). Asked from outside the consumer, so it
 * also says when Kafka cannot be reached; remembered for {@link #FRESH_FOR}, because probes and
 * scrapes ask often.
 */
public final class ConsumerLag implements AutoCloseable {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The lag in records, or why it is unknown (then {@code records} is -1). */
    public record Lag(long records, String error) {

        public boolean known() {
            return error == null;
        }
    }

    private final Admin admin;
    private final String group;
    private final Clock clock;
    private Lag last;
    private Instant lastAt = Instant.MIN;

    public ConsumerLag(KafkaConnection kafka, String group, Clock clock) {
        Properties props = new Properties();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, group + "-lag");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(kafka.apply(props));
        this.group = group;
        this.clock = clock;
    }

    public synchronized Lag current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(FRESH_FOR))) {
            last = measure();
            lastAt = now;
        }
        return last;
    }

    private Lag measure() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                    lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            return new Lag(lag, null);
        } catch (ExecutionException e) {
            return new Lag(-1, "Kafka: " + e.getCause());
        } catch (TimeoutException e) {
            return new Lag(-1, "Kafka did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Lag(-1, "interrupted");
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
