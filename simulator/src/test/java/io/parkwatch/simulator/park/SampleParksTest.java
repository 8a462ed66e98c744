package io.parkwatch.simulator.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.simulator.registry.SampleRegistry;
import org.junit.jupiter.api.Test;

class SampleParksTest {

    @Test
    void theSameSeedGivesTheSamePark() {
        SimulatedPark one = SampleParks.xilinhot(40, 7);
        SimulatedPark two = SampleParks.xilinhot(40, 7);
        assertThat(two.enterprises()).isEqualTo(one.enterprises());
        assertThat(two.registeredPoints()).isEqualTo(one.registeredPoints());
        assertThat(two.silentEnterprises()).isEqualTo(one.silentEnterprises());
        assertThat(SampleParks.xilinhot(40, 8).silentEnterprises()).isNotEqualTo(one.silentEnterprises());
    }

    @Test
    void playsTheRegistrysFirmsAndSilencesTheIdleOnes() {
        SimulatedPark park = SampleParks.xilinhot(60, 1);
        assertThat(park.enterprises()).hasSize(60)
            .isEqualTo(SampleRegistry.generate(1).enterprisesOf("xilinhot").subList(0, 60));
        assertThat(park.registeredPoints().stream().map(PointEntry::enterprise).distinct()).hasSize(60);
        assertThat(park.silentEnterprises()).isNotEmpty().hasSizeLessThan(60);
        assertThat(park.enterprises()).filteredOn(e -> park.silentEnterprises().contains(e.id()))
            .allMatch(e -> !e.status().producing());
        assertThat(park.reportingPoints()).allMatch(p -> !park.silentEnterprises().contains(p.entry().enterprise()));
        assertThat(park.reportingEnterprises()).contains("e001");
        assertThat(park.reportingPoints().get(0).entry().id()).isEqualTo("elec-01");
    }

    @Test
    void refusesAnEmptyOrOversizedPark() {
        assertThatThrownBy(() -> SampleParks.xilinhot(0, 1)).hasMessageContaining("at least one enterprise");
        assertThatThrownBy(() -> SampleParks.xilinhot(243, 1)).hasMessageContaining("1 to 242");
    }
}
