package io.parkwatch.streams.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.Module;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final String KEY_METERS = "ENERGY|key-energy-user-meters";

    @TempDir
    Path stateDir;

    private CoverageHarness park;

    @AfterEach
    void stop() {
        if (park != null) {
            park.close();
        }
    }

    private CoverageHarness start(Properties props) {
        park = new CoverageHarness(CoverageProperties.load(props), stateDir, T0);
        return park;
    }

    /** e1 is a key energy user with two meters; e2 is not and has one. All report once a minute. */
    private CoverageHarness energyPark(Properties props) {
        start(props);
        park.enterprise("e1", EnterpriseClass.KEY_ENERGY_USER);
        park.enterprise("e2");
        park.point("e1", "elec", Module.ENERGY, "electricity-meter", MINUTE);
        park.point("e1", "water", Module.ENERGY, "water-meter", MINUTE);
        park.point("e2", "elec", Module.ENERGY, "electricity-meter", MINUTE);
        return park;
    }

    private void everyoneReports() {
        park.reading("e1", "elec", Quality.N);
        park.reading("e1", "water", Quality.N);
        park.reading("e2", "elec", Quality.N);
    }

    @Test
    void aPointSilentBeyondItsWindowLeavesTheLiveCountAndIsListedSilent() {
        energyPark(new Properties());
        everyoneReports();
        park.advance(Duration.ofSeconds(30));
        assertThat(park.row(KEY_METERS).live()).isEqualTo(2);
        assertThat(park.row(KEY_METERS).required()).isEqualTo(2);

        park.advance(Duration.ofMinutes(3));
        park.reading("e1", "elec", Quality.N);
        park.advance(Duration.ofMinutes(2));
        // water's last good reading is 5.5 minutes old: past its window of max(3 x 1 min, 5 min).
        CoverageRow row = park.row(KEY_METERS);
        assertThat(row.live()).isEqualTo(1);
        assertThat(row.silentPoints()).containsExactly("p/e1/water");
        assertThat(row.silentTruncated()).isFalse();
        assertThat(row.compliant()).isFalse();
        assertThat(row.computedAt()).isEqualTo(park.now());
    }

    @Test
    void aFlaggedReadingDoesNotMakeAPointLive() {
        energyPark(new Properties());
        park.reading("e1", "elec", Quality.N);
        park.reading("e1", "water", Quality.D);
        park.reading("e1", "water", Quality.F);
        park.advance(Duration.ofSeconds(30));
        assertThat(park.row(KEY_METERS).live()).isEqualTo(1);
        assertThat(park.row(KEY_METERS).silentPoints()).containsExactly("p/e1/water");
    }

    @Test
    void registryAdditionsAndRemovalsChangeRequiredAtRunTime() {
        energyPark(new Properties());
        everyoneReports();
        park.advance(Duration.ofSeconds(30));
        assertThat(park.row(KEY_METERS).required()).isEqualTo(2);

        park.point("e1", "gas", Module.ENERGY, "gas-meter", MINUTE);
        park.advance(Duration.ofSeconds(30));
        assertThat(park.row(KEY_METERS).required()).isEqualTo(3);
        assertThat(park.row(KEY_METERS).silentPoints()).containsExactly("p/e1/gas");

        park.remove("point:p/e1/water");
        park.remove("point:p/e1/gas");
        park.unknownRegistryRecord("park:p");
        park.advance(Duration.ofSeconds(30));
        assertThat(park.row(KEY_METERS).required()).isEqualTo(1);
        assertThat(park.row(KEY_METERS).live()).isEqualTo(1);
    }

    @Test
    void anEnterpriseReportsOnlyWhenAllItsPointsOfTheModuleAreLiveByDefault() {
        enterpriseWithOneOfTwoStacksLive(new Properties());
        CoverageRow row = park.row("ENVIRONMENT|key-polluters");
        assertThat(row.required()).isEqualTo(2);
        assertThat(row.live()).isZero();
        assertThat(row.silentPoints()).containsExactly("p/e1", "p/e2");
        assertThat(park.row("ENVIRONMENT|monitoring-points").live()).isEqualTo(1);
        assertThat(park.row("ENVIRONMENT|monitoring-points").required()).isEqualTo(2);
    }

    @Test
    void theAnyRuleCountsAnEnterpriseWithOneLivePoint() {
        Properties props = new Properties();
        props.setProperty("coverage.enterprise-rule", "any");
        enterpriseWithOneOfTwoStacksLive(props);
        CoverageRow row = park.row("ENVIRONMENT|key-polluters");
        assertThat(row.live()).isEqualTo(1);
        // e2 is a key polluter without any monitoring point: it cannot be reporting.
        assertThat(row.silentPoints()).containsExactly("p/e2");
    }

    private void enterpriseWithOneOfTwoStacksLive(Properties props) {
        start(props);
        park.enterprise("e1", EnterpriseClass.KEY_POLLUTER);
        park.enterprise("e2", EnterpriseClass.KEY_POLLUTER);
        park.point("e1", "stack-1", Module.ENVIRONMENT, "cems-stack", MINUTE);
        park.point("e1", "stack-2", Module.ENVIRONMENT, "cems-stack", MINUTE);
        park.reading("e1", "stack-1", Quality.N);
        park.advance(Duration.ofSeconds(30));
    }

    @Test
    void everyPlanRowIsATargetByDefaultAndAParkMayOverrideOne() {
        Properties props = new Properties();
        props.setProperty("coverage.target.p.energy.non-key-meters", "0.5");
        props.setProperty("coverage.target.other-park.energy.key-energy-user-meters", "0.1");
        energyPark(props);
        park.advance(Duration.ofSeconds(30));
        assertThat(park.row(KEY_METERS).target()).isEqualTo(1.0);
        assertThat(park.row("ENERGY|non-key-meters").target()).isEqualTo(0.5);
        assertThat(park.row("ECONOMIC|above-scale-enterprises").target()).isEqualTo(1.0);
        assertThat(park.row("ECONOMIC|other-enterprises").target()).isEqualTo(0.2);
        assertThat(park.row("SAFETY|key-emergency-enterprises").target()).isEqualTo(1.0);
        assertThat(park.row("SAFETY|other-enterprises").target()).isEqualTo(0.2);
        assertThat(park.row("SAFETY|major-hazard-streams").target()).isEqualTo(0.2);
        assertThat(park.row("SAFETY|non-major-hazard-streams").target()).isEqualTo(0.2);
        assertThat(park.row("LOGISTICS|park-vehicles").target()).isEqualTo(1.0);
        assertThat(park.row("LOGISTICS|external-vehicles").target()).isEqualTo(1.0);
        assertThat(park.row("LOGISTICS|hazmat-vehicles").target()).isEqualTo(1.0);
        assertThat(park.row("ENVIRONMENT|key-polluters").target()).isEqualTo(1.0);
        assertThat(park.row("ENVIRONMENT|monitoring-points").target()).isEqualTo(0.2);
        // Two enterprises without economic reports: 0 of 2 other enterprises report.
        assertThat(park.row("ECONOMIC|other-enterprises").required()).isEqualTo(2);
        assertThat(park.row("ECONOMIC|other-enterprises").compliant()).isFalse();
    }

    @Test
    void aSilentPointRaisesOneDataGapAndClearsItWhenDataReturns() {
        energyPark(new Properties());
        everyoneReports();
        park.advance(Duration.ofMinutes(4));
        park.reading("e1", "elec", Quality.N);
        park.reading("e2", "elec", Quality.N);
        assertThat(park.alerts()).isEmpty();

        park.advance(Duration.ofMinutes(2));
        List<AlertEvent> raised = park.alerts();
        assertThat(raised).hasSize(1);
        AlertEvent gap = raised.get(0);
        assertThat(gap.type()).isEqualTo(AlertEventType.RAISED);
        assertThat(gap.ruleId()).isEqualTo("data-gap");
        assertThat(gap.severity()).isEqualTo(Severity.WARNING);
        assertThat(gap.alertId()).isEqualTo("data-gap:p/e1/water");
        assertThat(gap.pointKey()).isEqualTo("p/e1/water");
        assertThat(gap.module()).as("module filters must find data gaps").isEqualTo(Module.ENERGY);
        assertThat(gap.firstSeen()).isEqualTo(T0.plus(Duration.ofMinutes(5)));

        for (int i = 0; i < 10; i++) {
            park.advance(Duration.ofSeconds(30));
            park.reading("e1", "elec", Quality.N);
            park.reading("e2", "elec", Quality.N);
        }
        assertThat(park.alerts()).as("no repeated raise while silent").isEmpty();

        park.reading("e1", "water", Quality.N);
        List<AlertEvent> cleared = park.alerts();
        assertThat(cleared).extracting(AlertEvent::type).containsExactly(AlertEventType.CLEARED);
        assertThat(cleared.get(0).alertId()).isEqualTo(gap.alertId());
        assertThat(cleared.get(0).module()).isEqualTo(Module.ENERGY);
        park.advance(ParkStage.CHANGE_FLUSH);
        assertThat(park.row(KEY_METERS).silentPoints()).as("the park's rows recounted at the next flush").isEmpty();

        park.advance(Duration.ofMinutes(6));
        assertThat(park.alerts()).filteredOn(event -> event.pointKey().equals("p/e1/water"))
            .as("a new silence raises the same alert id again")
            .extracting(AlertEvent::type, AlertEvent::alertId)
            .containsExactly(tuple(AlertEventType.RAISED, "data-gap:p/e1/water"));
    }

    @Test
    void anOperatorsCommandAcknowledgesAnOpenDataGapOnce() {
        energyPark(new Properties());
        everyoneReports();
        park.command(new AlertCommand("data-gap:p/e1/water", "ops", "", park.now()));
        park.advance(Duration.ofMinutes(4));
        park.reading("e1", "elec", Quality.N);
        park.reading("e2", "elec", Quality.N);
        park.advance(Duration.ofMinutes(2));
        assertThat(park.alerts()).extracting(AlertEvent::type, AlertEvent::alertId).as("nothing to acknowledge yet")
            .containsOnly(tuple(AlertEventType.RAISED, "data-gap:p/e1/water"));

        park.command(new AlertCommand("data-gap:p/e1/water", "ops-li", "meter swapped", park.now()));
        park.command(new AlertCommand("data-gap:p/e1/water", "ops-li", "again", park.now()));
        park.command(new AlertCommand("p/e1/water|h2s|1", "ops-li", "not ours", park.now()));

        List<AlertEvent> acknowledged = park.alerts();
        assertThat(acknowledged).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.ACKNOWLEDGED);
            assertThat(event.alertId()).isEqualTo("data-gap:p/e1/water");
            assertThat(event.enterprise()).isEqualTo("e1");
            assertThat(event.module()).isEqualTo(Module.ENERGY);
            assertThat(event.firstSeen()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(event.message()).isEqualTo("acknowledged by ops-li: meter swapped");
            assertThat(event.acknowledgedBy()).isEqualTo("ops-li");
            assertThat(event.note()).isEqualTo("meter swapped");
        });
        park.reading("e1", "water", Quality.N);
        assertThat(park.alerts()).extracting(AlertEvent::type).containsExactly(AlertEventType.CLEARED);
    }

    @Test
    void aRemovedPointRaisesNoGapAndItsOpenGapIsCleared() {
        energyPark(new Properties());
        everyoneReports();
        park.remove("point:p/e2/elec");
        park.advance(Duration.ofMinutes(4));
        park.reading("e1", "elec", Quality.N);
        park.advance(Duration.ofMinutes(2));
        assertThat(park.alerts()).extracting(AlertEvent::pointKey).containsExactly("p/e1/water");

        park.remove("point:p/e1/water");
        park.advance(Duration.ofSeconds(30));
        List<AlertEvent> events = park.alerts();
        assertThat(events).extracting(AlertEvent::type).containsExactly(AlertEventType.CLEARED);
        assertThat(events.get(0).message()).contains("removed");
        assertThat(events.get(0)).as("a removed point is known only by its key")
            .extracting(AlertEvent::park, AlertEvent::enterprise, AlertEvent::module).containsExactly("p", "e1", null);
        park.advance(Duration.ofMinutes(10));
        assertThat(park.alerts()).extracting(AlertEvent::pointKey).doesNotContain("p/e1/water", "p/e2/elec");
    }

    @Test
    void aPointThatNeverReportedIsSilentOnlyAfterAWindowFromItsRegistration() {
        energyPark(new Properties());
        park.advance(Duration.ofSeconds(30));
        assertThat(park.alerts()).isEmpty();
        assertThat(park.row(KEY_METERS).live()).isZero();
        park.advance(Duration.ofMinutes(5));
        assertThat(park.alerts()).extracting(AlertEvent::pointKey)
            .containsExactlyInAnyOrder("p/e1/elec", "p/e1/water", "p/e2/elec");
    }

    @Test
    void aReadingFromADeviceClockAheadDoesNotKeepThePointLive() {
        energyPark(new Properties());
        everyoneReports();
        park.reading("e1", "water", Quality.N, T0.plus(Duration.ofHours(1)));
        park.advance(Duration.ofMinutes(4));
        park.reading("e1", "elec", Quality.N);
        park.advance(Duration.ofMinutes(2));
        assertThat(park.row(KEY_METERS).silentPoints()).containsExactly("p/e1/water");
    }

    @Test
    void theSilentListIsBoundedAndSaysWhenItWasCut() {
        Properties props = new Properties();
        props.setProperty("coverage.silent-limit", "1");
        energyPark(props);
        park.advance(Duration.ofSeconds(30));
        CoverageRow row = park.row(KEY_METERS);
        assertThat(row.silentPoints()).containsExactly("p/e1/elec");
        assertThat(row.silentTruncated()).isTrue();
        assertThat(row.live()).isZero();
        assertThat(row.required()).isEqualTo(2);
    }

    @Test
    void aPointMarkedNotRequiredCountsNowhereAndRaisesNoGap() {
        energyPark(new Properties());
        park.rawRegistry("point:p/e1/info", "{\"point\":{\"park\":\"p\",\"enterprise\":\"e1\",\"id\":\"info\","
            + "\"module\":\"ENERGY\",\"kind\":\"gas-meter\",\"expectedInterval\":\"PT1M\",\"required\":false}}");
        everyoneReports();
        park.advance(Duration.ofMinutes(1));
        assertThat(park.row(KEY_METERS).required()).isEqualTo(2);
        park.advance(Duration.ofMinutes(10));
        assertThat(park.alerts()).extracting(AlertEvent::pointKey).doesNotContain("p/e1/info");
    }
}
