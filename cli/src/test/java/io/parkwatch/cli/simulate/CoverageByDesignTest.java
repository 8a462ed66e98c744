package io.parkwatch.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.simulator.fault.FaultSpec;
import io.parkwatch.simulator.park.SampleParks;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.ScenarioSettings;
import io.parkwatch.simulator.truth.CoverageByDesign;
import io.parkwatch.simulator.truth.SilentPoint;
import io.parkwatch.streams.coverage.CoverageCalculator;
import io.parkwatch.streams.coverage.CoverageConfig;
import io.parkwatch.streams.coverage.RegistrySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The simulator repeats the coverage processor's plan rows and kind table (it may not depend on
 * streams); this holds the two together: with every played point just heard from and every
 * silent-by-design point never heard, the processor's calculator gives the truth's rows.
 */
class CoverageByDesignTest {

    @Test
    void theTruthsCoverageRowsAreTheCoverageProcessorsForThePlayedPoints() {
        Registry registry = SampleRegistry.generate(2025);
        Instant now = Instant.parse("2026-11-23T02:00:00Z");
        Scenario scenario = Scenario.of(registry, SampleParks.all(registry, 40, 2025),
            new ScenarioSettings(2025, now, 1, FaultSpec.parse("silent=0.2")));
        Set<String> silent = scenario.truth().silentPoints().stream().map(SilentPoint::pointKey)
            .collect(Collectors.toSet());
        List<CoverageByDesign> truth = scenario.truth().snapshot(now, 0, 0).coverage();

        List<CoverageRow> rows = new CoverageCalculator(CoverageConfig.defaults())
            .rows(RegistrySnapshot.of(registry.records()), key -> silent.contains(key) ? null : now, now);

        assertThat(rows).hasSameSizeAs(truth);
        for (CoverageRow row : rows) {
            assertThat(truth).as("%s %s %s", row.park(), row.module(), row.entityClass())
                .filteredOn(t -> t.park().equals(row.park()) && t.module().equals(row.module().name())
                    && t.entityClass().equals(row.entityClass()))
                .singleElement().satisfies(t -> {
                    assertThat(t.required()).isEqualTo(row.required());
                    assertThat(t.live()).isEqualTo(row.live());
                });
        }
        assertThat(truth).anyMatch(t -> t.live() < t.required()).anyMatch(t -> t.live() > 0);
    }
}
