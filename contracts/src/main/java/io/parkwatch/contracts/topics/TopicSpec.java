package io.parkwatch.contracts.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's name, its serdes and whether it is compacted: everything a producer, a consumer or
 * a topology needs to agree on.
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

    public TopicSpec {
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(keySerde, "keySerde is required");
        Objects.requireNonNull(valueSerde, "valueSerde is required");
    }

    /** The {@code cleanup.policy} to create the topic with. */
    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }
}
