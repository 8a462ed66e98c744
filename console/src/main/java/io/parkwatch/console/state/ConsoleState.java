package io.parkwatch.console.state;

import io.parkwatch.console.coverage.CoverageBoard;
import io.parkwatch.console.park.ParkDirectory;
import io.parkwatch.console.permits.PermitDirectory;
import io.parkwatch.console.rules.RuleShelf;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.util.List;

/**
 * What the console's endpoints read from Kafka, in memory: the registry, the coverage board,
 * the rule packs and the emission permits in force, with the folds that keep them.
 */
public final class ConsoleState {

    /** Coverage and completeness rows older than this are not current: reading starts there. */
    public static final Duration ROWS_LOOK_BACK = Duration.ofDays(2);

    private final ParkDirectory directory = new ParkDirectory();
    private final CoverageBoard coverage = new CoverageBoard(() -> directory.parks().size());
    private final RuleShelf rules;
    private final PermitDirectory permits = new PermitDirectory();

    public ConsoleState(RuleShelf rules) {
        this.rules = rules;
    }

    public ParkDirectory directory() {
        return directory;
    }

    public CoverageBoard coverage() {
        return coverage;
    }

    public RuleShelf rules() {
        return rules;
    }

    public PermitDirectory permits() {
        return permits;
    }

    /** The topics and how each is folded. */
    public List<FoldedTopic> folds() {
        return List.of(
            new FoldedTopic(Topics.REGISTRY.name(), Duration.ZERO, (key, value) -> directory.apply(key,
                Topics.REGISTRY.valueSerde().deserializer().deserialize(Topics.REGISTRY.name(), value))),
            new FoldedTopic(Topics.RULES.name(), Duration.ZERO, (key, value) -> rules.apply(key,
                Topics.RULES.valueSerde().deserializer().deserialize(Topics.RULES.name(), value))),
            // A permit whose file cannot be read throws here: the feed rejects it as unreadable.
            new FoldedTopic(Topics.PERMITS.name(), Duration.ZERO, (key, value) -> permits.apply(key,
                Topics.PERMITS.valueSerde().deserializer().deserialize(Topics.PERMITS.name(), value))),
            new FoldedTopic(Topics.COVERAGE.name(), ROWS_LOOK_BACK, (key, value) -> coverage.apply(
                Topics.COVERAGE.valueSerde().deserializer().deserialize(Topics.COVERAGE.name(), value))),
            new FoldedTopic(Topics.COMPLETENESS.name(), ROWS_LOOK_BACK, (key, value) -> {
                // Park roll-ups are keyed park|day; point and enterprise rows (the many) are skipped unread.
                if (key.indexOf('/') < 0) {
                    coverage.apply(Topics.COMPLETENESS.valueSerde().deserializer()
                        .deserialize(Topics.COMPLETENESS.name(), value));
                }
            }));
    }
}
