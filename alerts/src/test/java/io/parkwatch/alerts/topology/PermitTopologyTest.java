package io.parkwatch.alerts.topology;

import static io.parkwatch.alerts.topology.AlertsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.parkwatch.alerts.judge.TestReadings;
import io.parkwatch.alerts.permit.PermitRules;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.permit.file.PermitFileReader;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A permit's limits judge its outlets instead of the park-wide ultra-low set (which stays in force
 * at every other stack), through the engine's own windows, O₂ conversion and lifecycle.
 */
class PermitTopologyTest {

    /** A cement kiln (GB 4915-2013: NOx 400 at 10 % O2) and an SO2 limit below the ultra-low one. */
    private static final String PERMIT = """
        version: 1
        permit: 91150581XXXXXXXXX1001P
        park: p
        enterprise: e
        outlets:
          - id: DA001
            medium: air
            points: [stack-1]
            pollutants:
              - {pollutant: a21002, limit: 400, unit: mg/m3, oxygen: 10, period: hour}
              - {pollutant: a21026, limit: 20, unit: mg/m3, oxygen: 10, period: hour}
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

    private void loadPermit() {
        String yaml = PermitRules.packYaml(PermitFileReader.read("permit.yaml", PERMIT), ZoneId.of("Asia/Shanghai"));
        driver.publishRules("permit.p.e", yaml);
    }

    /** At each point, one value every 10 minutes of the hour from {@code from} at 10 % O2; then stream time past the grace. */
    private void hourAt(String metric, double value, Instant from, String... points) {
        for (int minute = 0; minute < 60; minute += 10) {
            Instant at = from.plusSeconds(minute * 60L);
            for (String point : points) {
                driver.send(TestReadings.value(point, Domain.EMISSIONS, "a19001-Rtd", 10, "%", at, Quality.N));
                driver.send(TestReadings.value(point, Domain.EMISSIONS, metric, value, "mg/m3", at, Quality.N));
            }
        }
        driver.send(TestReadings.gas("temp", 20, "degC", from.plus(Duration.ofMinutes(75))));
    }

    @Test
    void aKilnWithinItsPermitRaisesNothingWhereTheParkWideUltraLowLimitStillJudgesAnUnpermittedStack() {
        loadPermit();

        hourAt("a21002-Rtd", 200, T0, "stack-1", "stack-2");

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.pointKey()).isEqualTo("p/e/stack-2");
            assertThat(event.ruleId()).isEqualTo("nox-hourly-ultra-low");
            assertThat(event.value()).as("200 at 10 % O2 is 272.7 at 6 %").isGreaterThan(272).isLessThan(273);
        });
    }

    @Test
    void aPermitLimitBelowTheParkWideOneRaisesAtItsOwnReferenceOxygen() {
        loadPermit();

        hourAt("a21026-Rtd", 25, T0, "stack-1");

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.RAISED);
            assertThat(event.ruleId()).isEqualTo("permit.p.e.DA001.a21026");
            assertThat(event.value()).as("25 measured at the permit's own 10 %").isEqualTo(25.0);
            assertThat(event.limit()).isEqualTo(20.0);
            assertThat(event.message()).contains("91150581XXXXXXXXX1001P");
        });
    }

    @Test
    void anOpenParkWideAlertAtAStackClearsWhenItsPermitArrivesAndComesBackWhenThePermitGoes() {
        hourAt("a21002-Rtd", 200, T0, "stack-1");
        AlertEvent raised = driver.alerts().get(0);
        assertThat(raised.ruleId()).isEqualTo("nox-hourly-ultra-low");

        loadPermit();
        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.CLEARED);
            assertThat(event.alertId()).isEqualTo(raised.alertId());
            assertThat(event.message()).contains("yields to the enterprise's permit");
        });

        driver.removeRules("permit.p.e");
        hourAt("a21002-Rtd", 200, T0.plus(Duration.ofHours(2)), "stack-1");
        assertThat(driver.alerts()).extracting(AlertEvent::ruleId, AlertEvent::type)
            .containsExactly(tuple("nox-hourly-ultra-low", AlertEventType.RAISED));
    }
}
