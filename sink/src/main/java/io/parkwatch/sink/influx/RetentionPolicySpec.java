package io.parkwatch.sink.influx;

import java.time.Duration;
import java.util.Objects;

/**
 * A retention policy as InfluxDB 1.x stores it.
 *
 * @param name               policy name
 * @param duration           how long data is kept; {@link Duration#ZERO} keeps it forever (INF)
 * @param shardGroupDuration time span of one shard group; zero lets the server choose
 * @param isDefault          whether writes without {@code rp} go to this policy
 */
public record RetentionPolicySpec(String name, Duration duration, Duration shardGroupDuration, boolean isDefault) {

    public RetentionPolicySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(shardGroupDuration, "shardGroupDuration");
        if (name.isBlank()) {
            throw new IllegalArgumentException("retention policy name is empty");
        }
        if (duration.isNegative() || shardGroupDuration.isNegative()) {
            throw new IllegalArgumentException("negative duration in retention policy " + name);
        }
    }

    /** A policy whose shard group duration the server chooses. */
    public static RetentionPolicySpec of(String name, Duration duration, boolean isDefault) {
        return new RetentionPolicySpec(name, duration, Duration.ZERO, isDefault);
    }

    /** Whether {@code existing} already has what this spec asks for. */
    boolean isSatisfiedBy(RetentionPolicySpec existing) {
        return existing.duration.equals(duration)
            && (shardGroupDuration.isZero() || existing.shardGroupDuration.equals(shardGroupDuration))
            && (!isDefault || existing.isDefault);
    }
}
