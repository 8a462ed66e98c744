package io.parkwatch.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.alerts.rule.GeofenceCondition;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.rule.RulePack;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.console.rules.AreaKind;
import io.parkwatch.console.rules.GeofenceArea;
import io.parkwatch.console.rules.PackShapes;
import io.parkwatch.console.rules.RuleLimit;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.simulator.fault.FaultSpec;
import io.parkwatch.simulator.park.SampleParks;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.simulator.scenario.SampleGeofences;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.ScenarioSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's reading of rule packs through the alerts topology's own parser, on the shipped packs. */
class StreamsRuleShapesTest {

    private static final PointEntry STACK = new PointEntry("otog", "e001", "stack-01", Module.ENVIRONMENT,
        "cems-stack", Duration.ofMinutes(1), null, null);

    @Test
    void theSamplePackGivesEachParkAKeyAreaANoParkingZoneAndACorridor() {
        String yaml = SampleGeofences.forSampleParks();
        PackShapes shapes = new StreamsRuleShapes().read(SampleGeofences.PACK, "sample.yaml", yaml);
        Registry registry = SampleRegistry.generate(7);
        assertThat(shapes.areas()).hasSize(3 * registry.parks().size());
        for (var park : registry.parks()) {
            assertThat(shapes.areas()).filteredOn(area -> area.appliesTo(park.id()))
                .extracting(GeofenceArea::kind)
                .containsExactlyInAnyOrder(AreaKind.KEY_AREA, AreaKind.NO_PARKING, AreaKind.CORRIDOR);
        }
    }

    @Test
    void theSampleKeyAreasAreTheOnesTheSimulatorsVehiclesEnter() {
        Registry registry = SampleRegistry.generate(2025);
        Instant now = Instant.parse("2026-11-23T02:00:00Z");
        Scenario scenario = Scenario.of(registry, SampleParks.all(registry, 5, 2025),
            new ScenarioSettings(2025, now, 1, FaultSpec.none()));
        Map<String, List<double[]>> truth = scenario.truth().snapshot(now, 0, 0).keyAreas();
        RulePack pack = RuleFileReader.read("sample.yaml", SampleGeofences.forSampleParks());
        assertThat(truth).isNotEmpty();
        truth.forEach((park, square) -> {
            Rule keyArea = pack.rules().stream().filter(r -> r.id().equals("key-area-" + park)).findFirst()
                .orElseThrow();
            GeofenceCondition fence = (GeofenceCondition) keyArea.condition();
            double lat = square.stream().mapToDouble(v -> v[0]).average().orElseThrow();
            double lon = square.stream().mapToDouble(v -> v[1]).average().orElseThrow();
            assertThat(fence.judge(lat, lon, 30)).as(park).isEqualTo(Severity.WARNING);
            assertThat(keyArea.match().pointKinds()).contains("hazmat-vehicle", "external-vehicle");
        });
    }

    @Test
    void theDefaultPacksLevelRulesBecomeLimitLinesForTheMetricsTheyMatch() {
        PackShapes shapes = StreamsRuleShapes.defaultPack();
        List<RuleLimit> so2 = shapes.limits().stream().filter(l -> l.scope().applies(STACK, "EMISSIONS", "a21026-Rtd"))
            .toList();
        assertThat(so2).isNotEmpty().allMatch(RuleLimit::above);
        assertThat(so2).extracting(RuleLimit::value).contains(35.0);
        assertThat(shapes.limits().stream().filter(l -> l.scope().applies(STACK, "EMISSIONS", "no-such-metric")))
            .isEmpty();
        assertThat(shapes.areas()).isEmpty();
    }
}
