package io.parkwatch.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.simulator.registry.ParkSites;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleGeofencesTest {

    private static final Instant START = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void eachParkGetsAKeyAreaANoParkingZoneAndACorridor() {
        String yaml = SampleGeofences.yaml(List.of("otog", "xilinhot"));
        for (String park : List.of("otog", "xilinhot")) {
            assertThat(yaml).contains("id: key-area-" + park, "id: no-parking-" + park, "id: hazmat-corridor-" + park);
        }
        assertThat(yaml).contains("pack: sample-geofences").contains("when: outside").contains("maxSpeed: 3.0");
        double[] corner = Route.keyAreaOf("otog").get(0);
        assertThat(yaml).contains(String.format(java.util.Locale.ROOT, "[%.5f, %.5f]", corner[0], corner[1]));
    }

    @Test
    void aHazmatLoopStaysInsideTheCorridorAndNeverStopsInTheNoParkingZone() {
        double[] c = ParkSites.centreOf("sulige");
        Route route = new Route("sulige", true, 0.7);
        for (int s = 0; s < 7200; s += 5) {
            Route.Position p = route.at(START.plusSeconds(s));
            assertThat(Math.abs(p.latitude() - c[0])).isLessThan(0.010);
            assertThat(Math.abs(p.longitude() - c[1])).isLessThan(0.012);
            boolean inNoParking = Math.abs(p.latitude() - (c[0] - 0.008)) <= 0.001
                && Math.abs(p.longitude() - (c[1] + 0.010)) <= 0.001;
            if (inNoParking) {
                assertThat(p.speedKmh()).isGreaterThan(3.0);
            }
        }
    }
}
