package io.parkwatch.contracts.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * A threshold rule pack as published to the compacted {@code parkwatch.rules.v1} topic, keyed by
 * its name. The YAML text travels as written (it was validated by whoever published it) so that
 * the rule model stays with the topology that evaluates it; a tombstone withdraws the pack.
 */
public record RulePackRecord(String name, String yaml, String source, Instant publishedAt) {

    public RulePackRecord {
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(yaml, "yaml is required");
        Objects.requireNonNull(publishedAt, "publishedAt is required");
        source = source == null ? name : source;
    }
}
