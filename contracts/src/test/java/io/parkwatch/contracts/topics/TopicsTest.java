package io.parkwatch.contracts.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesAreUniqueVersionedAndPrefixed() {
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates()
            .allMatch(name -> name.startsWith("parkwatch.") && name.endsWith(".v1"));
    }

    @Test
    void latestStateTopicsAreCompactedAndEventTopicsAreNot() {
        assertThat(Topics.REGISTRY.cleanupPolicy()).isEqualTo("compact");
        assertThat(Topics.COVERAGE.cleanupPolicy()).isEqualTo("compact");
        assertThat(Topics.COMPLETENESS.cleanupPolicy()).isEqualTo("compact");
        assertThat(Topics.READINGS.cleanupPolicy()).isEqualTo("delete");
        assertThat(Topics.ALERTS.cleanupPolicy()).isEqualTo("delete");
        assertThat(Topics.RULES.cleanupPolicy()).isEqualTo("compact");
        assertThat(Topics.PERMITS.cleanupPolicy()).isEqualTo("compact");
        assertThat(Topics.ALERT_COMMANDS.cleanupPolicy()).isEqualTo("delete");
    }

    @Test
    void registryHoldsTheDocumentedTopics() {
        assertThat(Topics.ALL).extracting(TopicSpec::name).containsExactlyInAnyOrder(
            "parkwatch.readings.v1", "parkwatch.rejected.v1", "parkwatch.registry.v1",
            "parkwatch.aggregates.v1", "parkwatch.coverage.v1", "parkwatch.alerts.v1",
            "parkwatch.completeness.v1", "parkwatch.rules.v1", "parkwatch.alert-commands.v1",
            "parkwatch.permits.v1");
    }
}
