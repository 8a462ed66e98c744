package io.parkwatch.console.state;

import java.time.Duration;
import java.util.Objects;

/**
 * A topic the service keeps state from.
 *
 * @param lookBack how far back to start reading; {@link Duration#ZERO}: from the beginning (compacted topics)
 */
public record FoldedTopic(String topic, Duration lookBack, TopicFold fold) {

    public FoldedTopic {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(lookBack, "lookBack");
        Objects.requireNonNull(fold, "fold");
    }
}
