package io.parkwatch.streams.threshold;

import java.util.List;
import java.util.Objects;

/** The rules of one YAML file, under the pack's name. */
public record RulePack(String name, List<Rule> rules) {

    public RulePack {
        Objects.requireNonNull(name, "name is required");
        rules = List.copyOf(rules);
    }
}
