package io.parkwatch.infra.kafka;

import io.parkwatch.contracts.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the parkwatch topics' partition counts mean for a start asking for {@code asked}
 * partitions: a warning per existing topic with fewer (never altered here), and an error when
 * the readings and alert-commands topics would differ, which breaks the alerts topology's
 * co-partitioning (a missing topic counts as created with {@code asked}).
 */
public record PartitionCheck(List<String> warnings, Optional<String> error) {

    /** Where a user learns how to grow a running installation. */
    public static final String GROW_DOCS = "docs/running.md, section 'Partitions and growing a running installation'";

    public PartitionCheck {
        warnings = List.copyOf(warnings);
    }

    /** {@code existing}: partition count by topic name, of the topics that exist. */
    public static PartitionCheck of(Map<String, Integer> existing, int asked) {
        List<String> warnings = new ArrayList<>();
        new TreeMap<>(existing).forEach((topic, count) -> {
            if (count < asked) {
                warnings.add("topic " + topic + " exists with " + count + " partitions, fewer than the " + asked
                    + " asked (--partitions); it is left as it is: to grow it, see " + GROW_DOCS);
            }
        });
        String readings = Topics.READINGS.name();
        String commands = Topics.ALERT_COMMANDS.name();
        int readingsCount = existing.getOrDefault(readings, asked);
        int commandsCount = existing.getOrDefault(commands, asked);
        Optional<String> error = Optional.empty();
        if (readingsCount != commandsCount) {
            error = Optional.of(readings + describe(existing, readings, readingsCount) + " and " + commands
                + describe(existing, commands, commandsCount) + ": the alerts topology joins them by key "
                + "and needs the same count in both. Give both the same count (see " + GROW_DOCS + ")");
        }
        return new PartitionCheck(warnings, error);
    }

    private static String describe(Map<String, Integer> existing, String topic, int count) {
        return existing.containsKey(topic) ? " has " + count + " partitions"
            : " is missing and would be created with " + count + " partitions (--partitions)";
    }
}
