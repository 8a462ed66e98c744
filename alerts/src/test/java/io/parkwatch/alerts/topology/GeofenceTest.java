package io.parkwatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parkwatch.alerts.rule.GeofenceCondition;
import io.parkwatch.alerts.rule.RulePack;
import io.parkwatch.alerts.rulefile.RuleFileException;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeofenceTest {

    private static final Instant T0 = AlertsDriver.T0;
    private static final List<double[]> KEY_AREA = List.of(new double[] {43.90, 116.00}, new double[] {43.91, 116.00},
        new double[] {43.91, 116.02}, new double[] {43.90, 116.02});

    @TempDir
    Path stateDir;

    private AlertsDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private static Reading position(String vehicle, double lat, double lon, double speed, Instant at) {
        return Reading.builder().messageId(vehicle + at.toEpochMilli()).park("p").enterprise("fleet").point(vehicle)
            .domain(Domain.LOGISTICS).metric("position").position(new Position(lat, lon, speed, 0, 1000, 0, 2))
            .unit("").observedAt(at).receivedAt(at).quality(Quality.N).sourceFormat(SourceFormat.JT808).build();
    }

    @Test
    void aPolygonContainsItsInsideAndNotItsOutside() {
        GeofenceCondition fence = new GeofenceCondition(KEY_AREA, true, Severity.WARNING, null);
        assertThat(fence.contains(43.905, 116.01)).isTrue();
        assertThat(fence.contains(43.92, 116.01)).isFalse();
        assertThat(fence.contains(43.905, 116.03)).isFalse();
        GeofenceCondition corridor = new GeofenceCondition(KEY_AREA, false, Severity.CRITICAL, null);
        assertThat(corridor.judge(43.92, 116.01, 40)).isEqualTo(Severity.CRITICAL);
        assertThat(corridor.judge(43.905, 116.01, 40)).isNull();
    }

    @Test
    void readsAGeofenceAndNamesABadVertex() {
        RulePack pack = RuleFileReader.read("fences.yaml", """
            rules:
              - id: hazmat-key-area
                match: {domain: LOGISTICS, metric: position, pointKind: hazmat-vehicle}
                geofence:
                  area: [[43.90, 116.00], [43.91, 116.00], [43.91, 116.02]]
                  when: inside
                  severity: critical
            """);
        GeofenceCondition fence = (GeofenceCondition) pack.rules().get(0).condition();
        assertThat(fence.alertInside()).isTrue();
        assertThat(fence.severity()).isEqualTo(Severity.CRITICAL);

        RuleFileException e = assertThrows(RuleFileException.class, () ->
            RuleFileReader.read("fences.yaml", """
                rules:
                  - id: a
                    match: {metric: position}
                    geofence:
                      area:
                        - [43.90, 116.00]
                        - [43.91]
                        - [43.91, 116.02]
                """));
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.field()).isEqualTo("rules[0].geofence.area[1]");
    }

    @Test
    void aHazmatVehicleEnteringTheKeyAreaRaisesAndLeavingClears() {
        driver = new AlertsDriver(stateDir, AlertsConfig.defaults(ThresholdMetrics.NONE));
        driver.register(RegistryRecord.of(new PointEntry("p", "fleet", "hz-1", Module.LOGISTICS, "hazmat-vehicle",
            Duration.ofSeconds(30), null, "013800000001")));
        driver.publishRules("fences", """
            rules:
              - id: hazmat-key-area
                match: {domain: LOGISTICS, metric: position, pointKind: hazmat-vehicle}
                geofence:
                  area: [[43.90, 116.00], [43.91, 116.00], [43.91, 116.02], [43.90, 116.02]]
                  severity: critical
              - id: no-parking
                match: {domain: LOGISTICS, metric: position}
                geofence:
                  area: [[43.90, 116.00], [43.91, 116.00], [43.91, 116.02], [43.90, 116.02]]
                  maxSpeed: 3
                for: 10m
            """);
        driver.send(position("hz-1", 43.92, 116.01, 40, T0));
        driver.send(position("hz-1", 43.905, 116.01, 30, T0.plusSeconds(60)));
        driver.send(position("hz-1", 43.905, 116.01, 0, T0.plusSeconds(120)));
        driver.send(position("hz-1", 43.905, 116.01, 0, T0.plusSeconds(120 + 600)));
        driver.send(position("hz-1", 43.92, 116.01, 40, T0.plusSeconds(900)));
        driver.send(position("truck-2", 43.905, 116.01, 30, T0.plusSeconds(900)));

        assertThat(driver.alerts()).extracting(AlertEvent::ruleId, AlertEvent::type, AlertEvent::pointKey)
            .containsExactly(
                tuple("hazmat-key-area", AlertEventType.RAISED, "p/fleet/hz-1"),
                tuple("no-parking", AlertEventType.RAISED, "p/fleet/hz-1"),
                tuple("hazmat-key-area", AlertEventType.CLEARED, "p/fleet/hz-1"),
                tuple("no-parking", AlertEventType.CLEARED, "p/fleet/hz-1"));
    }
}
