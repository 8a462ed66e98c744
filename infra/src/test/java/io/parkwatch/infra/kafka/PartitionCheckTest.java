package io.parkwatch.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartitionCheckTest {

    private static final String READINGS = Topics.READINGS.name();
    private static final String COMMANDS = Topics.ALERT_COMMANDS.name();
    private static final String ALERTS = Topics.ALERTS.name();

    @Test
    void aTopicWithFewerPartitionsThanAskedIsNamedWithBothCountsAndTheWayToGrowIt() {
        PartitionCheck check = PartitionCheck.of(Map.of(READINGS, 6, COMMANDS, 6, ALERTS, 3), 6);

        assertThat(check.warnings()).singleElement().asString()
            .contains(ALERTS, "3 partitions", "6 asked", PartitionCheck.GROW_DOCS);
        assertThat(check.error()).isEmpty();
    }

    @Test
    void readingsAndCommandsWithDifferentCountsAreAnErrorNamingBothCounts() {
        PartitionCheck check = PartitionCheck.of(Map.of(READINGS, 6, COMMANDS, 3), 3);

        assertThat(check.error()).get().asString()
            .contains(READINGS + " has 6 partitions", COMMANDS + " has 3 partitions");
    }

    @Test
    void commandsMissingBesideReadingsOfAnotherCountAreAnErrorBeforeAnythingIsCreated() {
        PartitionCheck check = PartitionCheck.of(Map.of(READINGS, 3), 6);

        assertThat(check.error()).get().asString()
            .contains(READINGS + " has 3 partitions", COMMANDS + " is missing and would be created with 6");
        assertThat(check.warnings()).singleElement().asString().contains(READINGS);
    }

    @Test
    void equalCountsOrACleanClusterGiveNothing() {
        assertThat(PartitionCheck.of(Map.of(READINGS, 3, COMMANDS, 3, ALERTS, 3), 3))
            .isEqualTo(new PartitionCheck(List.of(), Optional.empty()));
        assertThat(PartitionCheck.of(Map.of(), 12).warnings()).isEmpty();
        assertThat(PartitionCheck.of(Map.of(), 12).error()).isEmpty();
    }

    @Test
    void moreThanAskedIsNeitherWarnedNorAnError() {
        PartitionCheck check = PartitionCheck.of(Map.of(READINGS, 12, COMMANDS, 12), 3);

        assertThat(check.warnings()).isEmpty();
        assertThat(check.error()).isEmpty();
    }
}
