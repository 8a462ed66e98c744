package io.parkwatch.sink;

import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.retry.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sink consumes and writes.
 *
 * @param maxBatchPoints records per poll, and so points per write at most
 * @param linger         how long the broker may wait to fill a fetch: the batching delay
 */
public record SinkSettings(KafkaConnection kafka, String groupId, int maxBatchPoints, Duration linger,
                           Backoff backoff) {

    public SinkSettings {
        Objects.requireNonNull(kafka, "kafka is required");
        Objects.requireNonNull(groupId, "groupId is required");
        Objects.requireNonNull(linger, "linger is required");
        Objects.requireNonNull(backoff, "backoff is required");
        if (maxBatchPoints < 1) {
            throw new IllegalArgumentException("maxBatchPoints must be >= 1: " + maxBatchPoints);
        }
    }

    /** On a cluster reached with Kafka's defaults otherwise (tests, benchmarks, the embedded broker). */
    public SinkSettings(String bootstrapServers, String groupId, int maxBatchPoints, Duration linger,
                        Backoff backoff) {
        this(KafkaConnection.to(bootstrapServers), groupId, maxBatchPoints, linger, backoff);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public static SinkSettings defaults(String bootstrapServers) {
        return defaults(KafkaConnection.to(bootstrapServers));
    }

    public static SinkSettings defaults(KafkaConnection kafka) {
        return new SinkSettings(kafka, "parkwatch-influx-sink", 5000, Duration.ofMillis(200),
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(15)));
    }
}
