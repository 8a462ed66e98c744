package io.parkwatch.alerts.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.alert.AlertIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StateKeysTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void aStateKeyIsSubjectAndRuleAndSplitsBackIntoThem() {
        String key = StateKeys.of("p/e/det-1", "h2s");

        assertThat(key).isEqualTo("p/e/det-1|h2s");
        assertThat(StateKeys.subjectOf(key)).isEqualTo("p/e/det-1");
        assertThat(StateKeys.ruleOf(key)).isEqualTo("h2s");
    }

    @Test
    void aThresholdAlertIdLeadsToTheStateKeyOfItsSubjectAndRule() {
        assertThat(StateKeys.ofAlert(AlertIds.threshold("p/e/*", "quota", T0))).isEqualTo(StateKeys.of("p/e/*", "quota"));
        assertThat(StateKeys.ofAlert(AlertIds.dataGap("p/e/det-1"))).isNull();
    }
}
