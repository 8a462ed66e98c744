package io.parkwatch.simulator.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.registry.PointEntry;
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
    void everyEnterpriseHasMetersAndSomeStaySilent() {
        SimulatedPark park = SampleParks.xilinhot(60, 1);
        assertThat(park.enterprises()).hasSize(60);
        assertThat(park.registeredPoints().stream().map(PointEntry::enterprise).distinct()).hasSize(60);
        assertThat(park.silentEnterprises()).isNotEmpty().hasSizeLessThan(60);
        assertThat(park.reportingPoints()).allMatch(p -> !park.silentEnterprises().contains(p.entry().enterprise()));
        assertThat(park.reportingEnterprises()).contains("e001");
    }

    @Test
    void refusesAnEmptyPark() {
        assertThatThrownBy(() -> SampleParks.xilinhot(0, 1)).hasMessageContaining("at least one enterprise");
    }
}
