package io.parkwatch.sink;

import io.parkwatch.transport.retry.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sink consumes and writes.
 *
 * @param maxBatchPoints records per poll, and so points per write at most
 * @param linger         how long the broker may wait to fill a fetch: the batching delay
 */
public record SinkSettings(String bootstrapServers, String groupId, int maxBatchPoints, Duration linger,
                           Backoff backoff) {

    public SinkSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers is required");
        Objects.requireNonNull(groupId, "groupId is required");
        Objects.requireNonNull(linger, "linger is required");
        Objects.requireNonNull(backoff, "backoff is required");
        if (maxBatchPoints < 1) {
            throw new IllegalArgumentException("maxBatchPoints must be >= 1: " + maxBatchPoints);
        }
    }

    public static SinkSettings defaults(String bootstrapServers) {
        return new SinkSettings(bootstrapServers, "parkwatch-influx-sink", 5000, Duration.ofMillis(200),
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(15)));
    }
}
