package io.parkwatch.alerts.topology;

import static io.parkwatch.alerts.topology.AlertsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.parkwatch.alerts.judge.TestReadings;
import io.parkwatch.alerts.state.RuleState;
import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTopologyTest {

    @TempDir
    Path stateDir;

    private AlertsDriver driver;

    private AlertsDriver start(AlertsConfig config) {
        driver = new AlertsDriver(stateDir, config);
        return driver;
    }

    private AlertsDriver startDefault() {
        return start(AlertsConfig.defaults(ThresholdMetrics.NONE));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    /** One SO₂ value every 10 minutes of the hour from T0 at the given O₂, then time moves past the grace. */
    private void hourOfSo2(double so2, double oxygen) {
        for (int minute = 0; minute < 60; minute += 10) {
            Instant at = T0.plusSeconds(minute * 60L);
            driver.send(TestReadings.emission("a19001-Rtd", oxygen, at));
            driver.send(TestReadings.emission("a21026-Rtd", so2, at));
        }
    }

    private void advanceStreamTimeTo(Instant at) {
        driver.send(TestReadings.gas("temp", 20, "degC", at));
    }

    @Test
    void anSo2HourlyMeanOf40AtSixPercentOxygenRaisesTheUltraLowAlert() {
        startDefault();
        hourOfSo2(40, 6);
        assertThat(driver.alerts()).as("not judged before the hour closes").isEmpty();

        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(70)));

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.RAISED);
            assertThat(event.ruleId()).isEqualTo("so2-hourly-ultra-low");
            assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(event.peakValue()).isCloseTo(40.0, within(1e-9));
            assertThat(event.pointKey()).isEqualTo("p/e/stack-1");
            assertThat(event.lastSeen()).isEqualTo(T0.plus(Duration.ofHours(1)));
            assertThat(event.message()).contains("critical").contains("35");
        });
    }

    @Test
    void anSo2HourlyMeanOf30AtSixPercentOxygenComplies() {
        startDefault();
        hourOfSo2(30, 6);
        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(70)));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aValueMeasuredAtTenPercentOxygenIsConvertedToTheReference() {
        startDefault();
        hourOfSo2(30, 10);
        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(70)));

        assertThat(driver.alerts()).singleElement().satisfies(event ->
            assertThat(event.peakValue()).isCloseTo(30 * (21 - 6) / (21 - 10.0), within(1e-9)));
    }

    @Test
    void aLoggersHourlyValueAsTheGatewayNamesItIsConvertedWithItsHourlyOxygen() {
        startDefault();
        driver.send(TestReadings.emission("a19001-Avg-hour", 10, T0));
        driver.send(TestReadings.emission("a21026-Avg-hour", 30, T0));
        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(70)));

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.ruleId()).isEqualTo("so2-hourly-ultra-low");
            assertThat(event.peakValue()).isCloseTo(30 * (21 - 6) / (21 - 10.0), within(1e-9));
        });
    }

    @Test
    void anAlreadyConvertedValueIsJudgedAsItIs() {
        startDefault();
        driver.send(TestReadings.emission("a21026-ZsAvg-hour", 36, T0));
        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(70)));
        assertThat(driver.alerts()).extracting(AlertEvent::peakValue).containsExactly(36.0);
    }

    @Test
    void theGb13223ProfileJudgesAgainstItsOwnLimit() {
        start(AlertsConfig.defaults(ThresholdMetrics.NONE).withProfiles(Set.of("gb13223")));
        hourOfSo2(90, 6);
        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(70)));
        assertThat(driver.alerts()).isEmpty();

        driver.send(TestReadings.emission("a21026-ZsAvg-hour", 120, T0.plus(Duration.ofMinutes(75))));
        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(135)));
        assertThat(driver.alerts()).extracting(AlertEvent::ruleId).containsExactly("so2-hourly-gb13223");
    }

    @Test
    void aLateReadingInsideTheGraceStillCountsInItsHour() {
        startDefault();
        hourOfSo2(30, 6);
        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(65)));
        driver.send(TestReadings.emission("a21026-Rtd", 100, T0.plus(Duration.ofMinutes(55))));
        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(70)));

        assertThat(driver.alerts()).singleElement().satisfies(event ->
            assertThat(event.peakValue()).isCloseTo((30 * 6 + 100) / 7.0, within(1e-9)));
        assertThat(driver.metrics.late).hasValue(0);
    }

    @Test
    void aReadingLaterThanTheGraceIsCountedAndDoesNotReopenItsHour() {
        startDefault();
        hourOfSo2(30, 6);
        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(70)));
        driver.send(TestReadings.emission("a21026-Rtd", 1000, T0.plus(Duration.ofMinutes(55))));
        advanceStreamTimeTo(T0.plus(Duration.ofMinutes(200)));

        assertThat(driver.alerts()).isEmpty();
        assertThat(driver.metrics.late).hasValue(1);
    }

    /**
     * A restart proper (same state, no second RAISED) is proven by AlertsTopologyIT against a real
     * broker: TopologyTestDriver wipes its state directory on close. Here: the open alert lives in
     * the persistent store, so a repeat after the state is read back does not raise again.
     */
    @Test
    void theOpenAlertIsKeptInTheStateStore() {
        startDefault();
        driver.send(TestReadings.gas("lel", 30, "%LEL", T0));
        String alertId = driver.alerts().get(0).alertId();

        RuleState stored = driver.driver.<String, RuleState>getKeyValueStore(AlertsTopology.STATE_STORE)
            .get("p/e/det-1|combustible-gas");
        driver.send(TestReadings.gas("lel", 31, "%LEL", T0.plusSeconds(10)));

        assertThat(stored.open().alertId()).isEqualTo(alertId);
        assertThat(stored.open().severity()).isEqualTo(Severity.WARNING);
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aStormOfTenThousandExceedingReadingsRaisesOnceAndCountsEveryReading() {
        startDefault();
        for (int i = 0; i < 10_000; i++) {
            driver.send(TestReadings.gas("lel", 30 + i % 5, "%LEL", T0.plusSeconds(i)));
        }

        List<AlertEvent> events = driver.alerts();
        assertThat(events).filteredOn(event -> event.type() == AlertEventType.RAISED).hasSize(1);
        assertThat(events).extracting(AlertEvent::type)
            .containsOnly(AlertEventType.RAISED, AlertEventType.UPDATED);
        assertThat(events).extracting(AlertEvent::alertId).containsOnly(events.get(0).alertId());
        RuleState stored = driver.driver.<String, RuleState>getKeyValueStore(AlertsTopology.STATE_STORE)
            .get("p/e/det-1|combustible-gas");
        assertThat(stored.open().occurrences()).isEqualTo(10_000);
        assertThat(stored.open().peak()).isEqualTo(34.0);
        assertThat(events.get(events.size() - 1).occurrences()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void anAcknowledgementCommandProducesOneAcknowledgedEvent() {
        startDefault();
        driver.send(TestReadings.gas("h2s", 12, "mg/m3", T0));
        String alertId = driver.alerts().get(0).alertId();

        driver.command(new AlertCommand(alertId, "li.wei", "valve closed", T0.plusSeconds(30)));
        driver.command(new AlertCommand(alertId, "li.wei", "again", T0.plusSeconds(40)));
        driver.command(new AlertCommand("p/e/det-1|h2s|1", "li.wei", "", T0.plusSeconds(50)));
        driver.command(new AlertCommand("data-gap:p/e/det-1", "li.wei", "not ours", T0.plusSeconds(60)));

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.ACKNOWLEDGED);
            assertThat(event.alertId()).isEqualTo(alertId);
            assertThat(event.acknowledgedBy()).isEqualTo("li.wei");
            assertThat(event.note()).isEqualTo("valve closed");
            assertThat(event.metric()).isEqualTo("h2s");
            assertThat(event.value()).isEqualTo(12.0);
            assertThat(event.limit()).isEqualTo(10.0);
        });
        assertThat(driver.metrics.ignoredCommands).hasValue(2);
    }

    @Test
    void gasDetectorsAreJudgedAgainstTheSetPointsInTheirOwnUnits() {
        startDefault();
        driver.send(TestReadings.value("lel-1", Domain.SAFETY, "lel", 30, "%LEL", T0, Quality.N));
        driver.send(TestReadings.value("o2-1", Domain.SAFETY, "o2", 18.9, "%", T0, Quality.N));
        driver.send(TestReadings.value("h2s-1", Domain.SAFETY, "h2s", 50, "ppm", T0, Quality.N));
        driver.send(TestReadings.value("co-1", Domain.SAFETY, "co", 31, "mg/m3", T0, Quality.N));

        assertThat(driver.alerts()).extracting(AlertEvent::ruleId, AlertEvent::severity).containsExactly(
            tuple("combustible-gas", Severity.WARNING), tuple("oxygen-low", Severity.CRITICAL),
            tuple("h2s", Severity.CRITICAL), tuple("carbon-monoxide", Severity.CRITICAL));
    }

    @Test
    void hydrogenSulphideAndCarbonMonoxideInPpmAreJudgedInMilligramsPerCubicMetreAt25Degrees() {
        startDefault();
        driver.send(TestReadings.value("h2s-1", Domain.SAFETY, "h2s", 7.0, "ppm", T0, Quality.N));
        driver.send(TestReadings.value("h2s-2", Domain.SAFETY, "h2s", 7.5, "ppm", T0, Quality.N));
        driver.send(TestReadings.value("co-1", Domain.SAFETY, "co", 20, "ppm", T0, Quality.N));

        List<AlertEvent> events = driver.alerts();
        assertThat(events).extracting(AlertEvent::pointKey, AlertEvent::severity).as("7 ppm H2S is 9.76 mg/m3")
            .containsExactly(tuple("p/e/h2s-2", Severity.WARNING), tuple("p/e/co-1", Severity.WARNING));
        assertThat(events.get(0).value()).isCloseTo(7.5 * 34.08 / 24.45, within(1e-9));
        assertThat(events.get(0).limit()).isEqualTo(10.0);
        assertThat(events.get(0).message()).contains("10.45 mg/m3");
        assertThat(events.get(1).value()).isCloseTo(20 * 28.01 / 24.45, within(1e-9));
    }

    @Test
    void vehicleAlarmBitsRaiseAndClear() {
        startDefault();
        driver.send(TestReadings.position(0b01, T0));
        driver.send(TestReadings.position(0b01, T0.plusSeconds(30)));
        driver.send(TestReadings.position(0, T0.plusSeconds(60)));

        assertThat(driver.alerts()).extracting(AlertEvent::ruleId, AlertEvent::type).containsExactly(
            tuple("vehicle-emergency", AlertEventType.RAISED),
            tuple("vehicle-emergency", AlertEventType.CLEARED));
    }

    @Test
    void rulesPublishedAtRunTimeApplyAndMatchPointKindsFromTheRegistry() {
        startDefault();
        driver.register(RegistryRecord.of(new PointEntry("p", "e", "tank-1", Module.SAFETY, "tank",
            Duration.ofMinutes(1), null, null)));
        driver.publishRules("site", """
            rules:
              - id: tank-temperature
                match: {metric: temp, pointKind: tank}
                above: {warning: {trigger: 80, clear: 75}}
            """);

        driver.send(TestReadings.value("tank-1", Domain.SAFETY, "temp", 90, "degC", T0, Quality.N));
        driver.send(TestReadings.gas("temp", 90, "degC", T0));

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.ruleId()).isEqualTo("tank-temperature");
            assertThat(event.pointKey()).isEqualTo("p/e/tank-1");
        });
    }

    @Test
    void anUnreadableRegistryEntryCountsAsUnregisteredUntilAReadableOneReplacesIt() {
        startDefault();
        driver.registerRaw(RegistryKeys.point("p/e/tank-1"), "{not a registry record".getBytes(StandardCharsets.UTF_8));
        driver.publishRules("site", """
            rules:
              - id: tank-temperature
                match: {metric: temp, pointKind: tank}
                above: {warning: {trigger: 80, clear: 75}}
            """);
        driver.send(TestReadings.value("tank-1", Domain.SAFETY, "temp", 90, "degC", T0, Quality.N));
        assertThat(driver.alerts()).as("its kind is unknown, so the tank rule does not match").isEmpty();

        driver.register(RegistryRecord.of(new PointEntry("p", "e", "tank-1", Module.SAFETY, "tank",
            Duration.ofMinutes(1), null, null)));
        driver.send(TestReadings.value("tank-1", Domain.SAFETY, "temp", 91, "degC", T0.plusSeconds(60), Quality.N));
        assertThat(driver.alerts()).extracting(AlertEvent::ruleId).containsExactly("tank-temperature");
    }

    @Test
    void anUnreadablePackOnTheTopicIsCountedAndTheBuiltInRulesStay() {
        startDefault();
        driver.publishRules("default", "rules:\n  - id: x\n    above: 3\n");
        driver.send(TestReadings.gas("lel", 30, "%LEL", T0));

        assertThat(driver.metrics.badPacks).hasValue(1);
        assertThat(driver.alerts()).extracting(AlertEvent::ruleId).containsExactly("combustible-gas");
    }

    @Test
    void aPackOfTheSameNameReplacesTheBuiltInOne() {
        startDefault();
        driver.publishRules("default", "rules: []\n");
        driver.send(TestReadings.gas("lel", 30, "%LEL", T0));
        assertThat(driver.alerts()).isEmpty();
    }
}
