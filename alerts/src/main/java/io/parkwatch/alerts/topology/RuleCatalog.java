package io.parkwatch.alerts.topology;

import io.parkwatch.alerts.rule.RuleBook;
import io.parkwatch.alerts.rule.RulePack;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.contracts.rules.RulePackRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the built-in packs and the packs on the rules topic into a {@link RuleBook}. A pack on
 * the topic replaces the built-in pack of the same name; a pack that cannot be read is logged
 * and counted, and its last good version stays in use. Parsed packs are cached by their text.
 */
final class RuleCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(RuleCatalog.class);

    private final AlertsConfig config;
    private final boolean reports;
    private final Map<String, RulePack> lastGood = new HashMap<>();
    private final Map<String, String> lastText = new HashMap<>();

    RuleCatalog(AlertsConfig config) {
        this(config, true);
    }

    /** @param reports whether this catalog logs and counts the packs it reads (one of two readers of a task need not) */
    RuleCatalog(AlertsConfig config, boolean reports) {
        this.config = Objects.requireNonNull(config, "config is required");
        this.reports = reports;
    }

    RuleBook load(ReadOnlyKeyValueStore<String, ValueAndTimestamp<RulePackRecord>> published) {
        Map<String, RulePack> packs = new LinkedHashMap<>();
        for (RulePack pack : config.builtInPacks()) {
            packs.put(pack.name(), pack);
        }
        Map<String, RulePack> fromTopic = new TreeMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<RulePackRecord>> all = published.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<RulePackRecord>> entry = all.next();
                RulePackRecord record = entry.value == null ? null : entry.value.value();
                if (record != null) {
                    RulePack pack = parse(entry.key, record);
                    if (pack != null) {
                        fromTopic.put(entry.key, pack);
                    }
                }
            }
        }
        packs.putAll(fromTopic);
        return RuleBook.of(packs.values(), config.activeProfiles());
    }

    private RulePack parse(String name, RulePackRecord record) {
        if (record.yaml().equals(lastText.get(name))) {
            return lastGood.get(name);
        }
        try {
            RulePack read = RuleFileReader.read(record.source(), record.yaml());
            RulePack pack = new RulePack(name, read.rules());
            lastGood.put(name, pack);
            lastText.put(name, record.yaml());
            if (reports) {
                LOG.info("rule pack {} loaded from {} ({} rules, published {})", name, record.source(),
                    pack.rules().size(), record.publishedAt());
            }
            return pack;
        } catch (IllegalArgumentException e) {
            if (reports) {
                config.metrics().badRulePack(name);
                LOG.error("rule pack {} on the rules topic is unusable, keeping its previous or built-in version: {}",
                    name, e.getMessage());
            }
            lastText.put(name, record.yaml());
            return lastGood.get(name);
        }
    }
}
