package io.parkwatch.alerts.rule;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The rules of one YAML file, under the pack's name. */
public record RulePack(String name, List<Rule> rules) {

    public RulePack {
        Objects.requireNonNull(name, "name is required");
        rules = List.copyOf(rules);
    }

    /** The profiles this pack's rules are tagged with. */
    public Set<String> profiles() {
        return rules.stream().map(Rule::profile).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    }
}
