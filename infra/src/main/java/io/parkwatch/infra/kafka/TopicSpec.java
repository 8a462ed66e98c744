package io.parkwatch.infra.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A topic to create on the embedded broker: name, partitions and topic-level config
 * (e.g. {@code cleanup.policy=compact}). The replication factor is always 1 on one node.
 */
public record TopicSpec(String name, int partitions, Map<String, String> config) {

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least 1 partition, got " + partitions);
        }
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    public static TopicSpec of(String name, int partitions) {
        return new TopicSpec(name, partitions, Map.of());
    }

    /** A log-compacted topic: the latest value per key is kept, e.g. for the registry. */
    public static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, Map.of("cleanup.policy", "compact"));
    }

    public TopicSpec withConfig(String key, String value) {
        Map<String, String> merged = new LinkedHashMap<>(config);
        merged.put(key, value);
        return new TopicSpec(name, partitions, merged);
    }
}
