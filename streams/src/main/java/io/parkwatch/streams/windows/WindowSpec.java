package io.parkwatch.streams.windows;

import java.time.Duration;
import java.util.Objects;

/**
 * An event-time tumbling window: readings up to {@code grace} late still update their window;
 * later ones are dropped by Kafka Streams and counted in its dropped-records metric.
 */
public record WindowSpec(String name, Duration size, Duration grace) {

    public static final WindowSpec ONE_MINUTE = new WindowSpec("1m", Duration.ofMinutes(1), Duration.ofMinutes(2));
    public static final WindowSpec ONE_HOUR = new WindowSpec("1h", Duration.ofHours(1), Duration.ofMinutes(10));

    public WindowSpec {
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(size, "size is required");
        Objects.requireNonNull(grace, "grace is required");
        if (size.isZero() || size.isNegative() || grace.isNegative()) {
            throw new IllegalArgumentException("window " + name + ": size must be positive and grace >= 0");
        }
    }
}
