package io.parkwatch.alerts.topology;

import static io.parkwatch.alerts.topology.AlertsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.parkwatch.alerts.judge.TestReadings;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code for:} durations confirmed by stream time, not only by the next reading. */
class HeldLevelsTopologyTest {

    private static final String PACK = """
        rules:
          - id: tank-hot
            match: {metric: temp}
            above:
              warning: {trigger: 80, clear: 75}
              critical: 95
            for: 5m
        """;

    @TempDir
    Path stateDir;

    private AlertsDriver driver;

    @BeforeEach
    void start() {
        driver = new AlertsDriver(stateDir, AlertsConfig.defaults(ThresholdMetrics.NONE)
            .withPacks(List.of(RuleFileReader.read("site.yaml", PACK))));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void tank(double celsius, Instant at) {
        driver.send(TestReadings.value("tank-1", Domain.SAFETY, "temp", celsius, "degC", at, Quality.N));
    }

    /** Another point of the partition reports: stream time moves on, the tank stays silent. */
    private void streamTimeTo(Instant at) {
        driver.send(TestReadings.gas("flow", 1, "m3/h", at));
    }

    @Test
    void aLevelThatHoldsForItsDurationRaisesWithoutAFurtherReading() {
        tank(90, T0);
        streamTimeTo(T0.plus(Duration.ofMinutes(4)));
        assertThat(driver.alerts()).as("not yet held 5 minutes").isEmpty();

        streamTimeTo(T0.plus(Duration.ofMinutes(6)));

        assertThat(driver.alerts()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.RAISED);
            assertThat(event.severity()).isEqualTo(Severity.WARNING);
            assertThat(event.firstSeen()).as("stamped when it became due").isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(event.occurrences()).isEqualTo(1);
            assertThat(event.value()).isEqualTo(90.0);
            assertThat(event.limit()).isEqualTo(80.0);
        });
    }

    @Test
    void aBreakBeforeTheDurationCancelsAndARestartWaitsAgain() {
        tank(90, T0);
        tank(70, T0.plus(Duration.ofMinutes(2)));
        streamTimeTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(driver.alerts()).as("the break cancelled the wait").isEmpty();

        tank(90, T0.plus(Duration.ofMinutes(11)));
        streamTimeTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(driver.alerts()).as("a new wait starts at the new crossing").isEmpty();
        streamTimeTo(T0.plus(Duration.ofMinutes(17)));

        assertThat(driver.alerts()).extracting(AlertEvent::type, AlertEvent::firstSeen)
            .containsExactly(tuple(AlertEventType.RAISED, T0.plus(Duration.ofMinutes(16))));
    }

    @Test
    void aReadingThatConfirmsTheLevelRaisesOnceAndTimeDoesNotRaiseAgain() {
        tank(90, T0);
        tank(91, T0.plus(Duration.ofMinutes(5)));
        streamTimeTo(T0.plus(Duration.ofMinutes(30)));

        assertThat(driver.alerts()).extracting(AlertEvent::type).containsExactly(AlertEventType.RAISED);
    }

    @Test
    void aWorseLevelHeldInSilenceEscalatesTheOpenAlert() {
        tank(90, T0);
        streamTimeTo(T0.plus(Duration.ofMinutes(6)));
        tank(99, T0.plus(Duration.ofMinutes(7)));
        streamTimeTo(T0.plus(Duration.ofMinutes(13)));

        assertThat(driver.alerts()).extracting(AlertEvent::type, AlertEvent::severity, AlertEvent::limit)
            .containsExactly(tuple(AlertEventType.RAISED, Severity.WARNING, 80.0),
                tuple(AlertEventType.ESCALATED, Severity.CRITICAL, 95.0));
    }
}
