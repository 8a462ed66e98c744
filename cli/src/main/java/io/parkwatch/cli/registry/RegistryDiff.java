package io.parkwatch.cli.registry;

import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What loading a registry changes in the topic: records to publish (new or different) and keys
 * to tombstone (in the topic, not in the file). Removals run points first, parks last, so a
 * reader never sees a point whose enterprise is already gone.
 *
 * The current state maps each key to its latest value; null stands for an unreadable record.
 */
public record RegistryDiff(List<RegistryRecord> publish, List<String> remove, LoadSummary summary) {

    public static RegistryDiff of(Map<String, RegistryRecord> current, List<RegistryRecord> wanted) {
        Map<String, RegistryRecord> byKey = new LinkedHashMap<>();
        wanted.forEach(record -> byKey.put(record.key(), record));
        List<RegistryRecord> publish = new ArrayList<>();
        int added = 0;
        int changed = 0;
        for (RegistryRecord record : byKey.values()) {
            if (!current.containsKey(record.key())) {
                added++;
                publish.add(record);
            } else if (!Objects.equals(current.get(record.key()), record)) {
                changed++;
                publish.add(record);
            }
        }
        List<String> remove = current.keySet().stream().filter(key -> !byKey.containsKey(key))
            .sorted(Comparator.comparingInt(RegistryDiff::removalOrder).thenComparing(Comparator.naturalOrder()))
            .toList();
        LoadSummary summary = new LoadSummary(added, changed, byKey.size() - added - changed, remove.size());
        return new RegistryDiff(publish, remove, summary);
    }

    private static int removalOrder(String key) {
        RegistryKeys.Kind kind = RegistryKeys.kindOf(key);
        if (kind == RegistryKeys.Kind.POINT) {
            return 0;
        }
        return kind == RegistryKeys.Kind.ENTERPRISE ? 1 : 2;
    }
}
