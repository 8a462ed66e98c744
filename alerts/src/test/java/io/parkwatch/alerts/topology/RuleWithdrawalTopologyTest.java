package io.parkwatch.alerts.topology;

import static io.parkwatch.alerts.topology.AlertsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.alerts.judge.TestReadings;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An open alert does not outlive its rule: withdrawn or changed, the rule's alerts are CLEARED. */
class RuleWithdrawalTopologyTest {

    private static final String TANK_RULE = """
        rules:
          - id: tank-hot
            match: {metric: temp}
            above: {warning: {trigger: %s, clear: 75}}
        """;

    @TempDir
    Path stateDir;

    private AlertsDriver driver;

    @BeforeEach
    void start() {
        driver = new AlertsDriver(stateDir, AlertsConfig.defaults(ThresholdMetrics.NONE));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void tank(double celsius, Instant at) {
        driver.send(TestReadings.value("tank-1", Domain.SAFETY, "temp", celsius, "degC", at, Quality.N));
    }

    private String raiseTankAlert() {
        driver.publishRules("site", TANK_RULE.formatted(80));
        tank(90, T0);
        AlertEvent raised = driver.alerts().get(0);
        assertThat(raised.type()).isEqualTo(AlertEventType.RAISED);
        return raised.alertId();
    }

    @Test
    void aRuleRemovedFromTheRulesTopicClearsItsOpenAlerts() {
        String alertId = raiseTankAlert();

        driver.removeRules("site");

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.CLEARED);
            assertThat(event.alertId()).isEqualTo(alertId);
            assertThat(event.message()).contains("tank-hot").contains("withdrawn");
        });
        assertThat(driver.driver.getKeyValueStore(AlertsTopology.STATE_STORE).get("p/e/tank-1|tank-hot")).isNull();
    }

    @Test
    void aPackReloadedWithoutTheRuleClearsItsOpenAlerts() {
        raiseTankAlert();

        driver.publishRules("site", "rules: []\n");

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.CLEARED);
            assertThat(event.message()).contains("withdrawn");
        });
    }

    @Test
    void aChangedRuleClearsItsAlertAndJudgesAfreshUnderTheNewLimits() {
        raiseTankAlert();

        driver.publishRules("site", TANK_RULE.formatted(85));
        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.CLEARED);
            assertThat(event.message()).contains("changed");
        });

        tank(90, T0.plusSeconds(60));
        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.RAISED);
            assertThat(event.limit()).isEqualTo(85.0);
        });
    }

    @Test
    void republishingTheSamePackLeavesItsAlertsOpen() {
        raiseTankAlert();

        driver.publishRules("site", TANK_RULE.formatted(80) + "\n");

        assertThat(driver.alerts()).isEmpty();
    }
}
