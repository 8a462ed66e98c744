package io.parkwatch.alerts.topology;

import static io.parkwatch.alerts.topology.AlertsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.parkwatch.alerts.judge.TestReadings;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators need on every event: module, metric, latest value and the limit in force. */
class AlertFieldsTopologyTest {

    @TempDir
    Path stateDir;

    private AlertsDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void eachEventCarriesModuleMetricLatestValueAndTheLimitOfItsSeverity() {
        driver = new AlertsDriver(stateDir, AlertsConfig.defaults(ThresholdMetrics.NONE));
        driver.register(RegistryRecord.of(new PointEntry("p", "e", "det-1", Module.SAFETY, "gas-detector",
            Duration.ofMinutes(1), null, null)));
        driver.send(TestReadings.gas("lel", 30, "%LEL", T0));
        driver.send(TestReadings.gas("lel", 60, "%LEL", T0.plusSeconds(10)));
        driver.send(TestReadings.gas("lel", 40, "%LEL", T0.plusSeconds(20)));
        driver.send(TestReadings.gas("lel", 5, "%LEL", T0.plusSeconds(30)));

        List<AlertEvent> events = driver.alerts();
        assertThat(events).extracting(AlertEvent::type, AlertEvent::value, AlertEvent::limit).containsExactly(
            tuple(AlertEventType.RAISED, 30.0, 25.0),
            tuple(AlertEventType.ESCALATED, 60.0, 50.0),
            tuple(AlertEventType.DE_ESCALATED, 40.0, 25.0),
            tuple(AlertEventType.CLEARED, 5.0, 25.0));
        assertThat(events).extracting(AlertEvent::module).containsOnly(Module.SAFETY);
        assertThat(events).extracting(AlertEvent::metric).containsOnly("lel");
        assertThat(events).extracting(AlertEvent::peakValue).containsExactly(30.0, 60.0, 60.0, 60.0);
    }

    @Test
    void anUnregisteredPointHasNoModuleButItsValueAndLimit() {
        driver = new AlertsDriver(stateDir, AlertsConfig.defaults(ThresholdMetrics.NONE));
        driver.send(TestReadings.value("o2-1", Domain.SAFETY, "o2", 18.9, "%", T0, Quality.N));

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.module()).isNull();
            assertThat(event.value()).isEqualTo(18.9);
            assertThat(event.limit()).isEqualTo(19.5);
        });
    }

    @Test
    void aWindowedAlertCarriesTheMeanAndItsConvertedLimit() {
        driver = new AlertsDriver(stateDir, AlertsConfig.defaults(ThresholdMetrics.NONE));
        driver.send(TestReadings.emission("a21026-ZsAvg-hour", 36, T0));
        driver.send(TestReadings.gas("temp", 20, "degC", T0.plus(Duration.ofMinutes(70))));

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.metric()).isEqualTo("a21026-ZsAvg-hour");
            assertThat(event.value()).isCloseTo(36.0, within(1e-9));
            assertThat(event.limit()).isEqualTo(35.0);
        });
    }
}
