package io.parkwatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Energy double control: a quota with {@code scope: enterprise} budgets the sum of an enterprise's meters. */
class EnterpriseQuotaTopologyTest {

    private static final String MONTHLY = """
        rules:
          - id: energy-budget
            match: {domain: ENERGY, metric: energy}
            quota: {budget: 1000, period: month, zone: UTC, scope: enterprise}
        """;
    private static final String DAILY_PROJECTED = """
        rules:
          - id: energy-day
            match: {domain: ENERGY, metric: energy}
            quota: {budget: 100, period: day, zone: UTC, counter: false, scope: enterprise, projected: warning}
        """;

    private static final String DAILY_PARK_ZONE = """
        rules:
          - id: energy-day
            match: {domain: ENERGY, metric: energy}
            quota: {budget: 100, period: day, counter: false, scope: enterprise}
        """;

    @TempDir
    Path stateDir;

    private AlertsDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void start(String pack) {
        driver = new AlertsDriver(stateDir, AlertsConfig.defaults(ThresholdMetrics.NONE)
            .withPacks(List.of(RuleFileReader.read("energy.yaml", pack))));
    }

    private void meter(String enterprise, String point, double kwh, String at) {
        Instant when = Instant.parse(at);
        driver.send(Reading.builder().messageId(point + "|" + when.toEpochMilli()).park("p").enterprise(enterprise)
            .point(point).domain(Domain.ENERGY).metric("energy").value(kwh).unit("kWh").observedAt(when)
            .receivedAt(when).quality(Quality.N).sourceFormat(SourceFormat.JSON).build());
    }

    @Test
    void theSumOfAnEnterprisesMetersWalksThroughEightyNinetyAndAHundredPercent() {
        start(MONTHLY);
        meter("e", "m1", 10_000, "2026-11-01T00:10:00Z");
        meter("e", "m2", 500, "2026-11-01T00:20:00Z");
        meter("other", "m9", 0, "2026-11-01T00:20:00Z");
        meter("e", "m1", 10_500, "2026-11-10T00:00:00Z");
        meter("other", "m9", 5_000, "2026-11-10T00:00:00Z");
        assertThat(driver.alerts()).as("500 of 1000 kWh; the other enterprise's meter is not ours").extracting(
            AlertEvent::enterprise).containsExactly("other");
        meter("e", "m2", 850, "2026-11-12T00:00:00Z");
        meter("e", "m1", 10_560, "2026-11-14T00:00:00Z");
        meter("e", "m2", 950, "2026-11-20T00:00:00Z");

        List<AlertEvent> events = driver.alerts();
        assertThat(events).extracting(AlertEvent::type, AlertEvent::severity, AlertEvent::value, AlertEvent::limit)
            .containsExactly(
                tuple(AlertEventType.RAISED, Severity.INFO, 85.0, 80.0),
                tuple(AlertEventType.ESCALATED, Severity.WARNING, 91.0, 90.0),
                tuple(AlertEventType.ESCALATED, Severity.CRITICAL, 101.0, 100.0));
        assertThat(events).extracting(AlertEvent::pointKey).containsOnly("p/e/*");
        assertThat(events.get(0).message()).contains("e energy used 850 kWh of 1000");
    }

    @Test
    void aProjectedOverrunOfTheEnterpriseBudgetWarnsAgainstTheOnPaceShare() {
        start(DAILY_PROJECTED);
        meter("e", "m1", 10, "2026-11-23T03:00:00Z");
        assertThat(driver.alerts()).as("10 % after 3 h projects 80 %").isEmpty();
        meter("e", "m2", 10, "2026-11-23T04:00:00Z");
        meter("e", "m1", 20, "2026-11-23T06:00:00Z");

        List<AlertEvent> events = driver.alerts();
        assertThat(events).extracting(AlertEvent::type, AlertEvent::severity).containsExactly(
            tuple(AlertEventType.RAISED, Severity.WARNING), tuple(AlertEventType.UPDATED, Severity.WARNING));
        assertThat(events.get(0).value()).as("20 of 100 kWh used by 04:00").isEqualTo(20.0);
        assertThat(events.get(0).limit()).as("on pace: 4 of 24 hours").isCloseTo(100.0 * 4 / 24, within(1e-9));
        assertThat(events.get(0).message()).contains("projected 120 %");
        assertThat(events.get(1).value()).isEqualTo(40.0);
        assertThat(events.get(1).limit()).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void aQuotaWithoutAZoneCountsTheDaysOfTheParksRegistryZone() {
        start(DAILY_PARK_ZONE);
        // Park p counts in Urumqi time (UTC+6): 23 November ends at 18:00 UTC.
        driver.register(RegistryRecord.of(new ParkEntry("p", "Kashgar", ZoneId.of("Asia/Urumqi"), null)));
        meter("e", "m1", 95, "2026-11-23T10:00:00Z");
        meter("e", "m2", 10, "2026-11-23T17:00:00Z");
        assertThat(driver.alerts()).as("17:00 UTC is still the 23rd in the park: 105 of 100 kWh")
            .extracting(AlertEvent::type, AlertEvent::severity).containsExactly(
                tuple(AlertEventType.RAISED, Severity.WARNING), tuple(AlertEventType.ESCALATED, Severity.CRITICAL));
        meter("e", "m1", 1, "2026-11-23T18:30:00Z");
        assertThat(driver.alerts()).as("18:30 UTC is the park's 24th").extracting(AlertEvent::type)
            .containsExactly(AlertEventType.CLEARED);
    }

    @Test
    void anEnterpriseAlertIsAcknowledgedByItsId() {
        start(MONTHLY);
        meter("e", "m1", 0, "2026-11-01T00:10:00Z");
        meter("e", "m2", 0, "2026-11-01T00:10:00Z");
        meter("e", "m1", 600, "2026-11-05T00:00:00Z");
        meter("e", "m2", 300, "2026-11-06T00:00:00Z");
        AlertEvent raised = driver.alerts().get(0);
        assertThat(raised.alertId()).startsWith("p/e/*|energy-budget|");

        driver.command(new AlertCommand(raised.alertId(), "li.wei", "plan shifted", Instant.parse(
            "2026-11-06T01:00:00Z")));

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.ACKNOWLEDGED);
            assertThat(event.acknowledgedBy()).isEqualTo("li.wei");
            assertThat(event.value()).isCloseTo(90.0, within(1e-9));
        });
    }
}
