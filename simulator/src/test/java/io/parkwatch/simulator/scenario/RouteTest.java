package io.parkwatch.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static final Instant START = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void aHazmatLoopDrivesStopsAtTheDepotAndEntersTheKeyArea() {
        Route route = new Route("otog", true, 0.3);
        boolean stopped = false;
        boolean driving = false;
        boolean inKeyArea = false;
        double mileage = -1;
        for (int s = 0; s < 3600; s += 10) {
            Route.Position position = route.at(START.plusSeconds(s));
            stopped |= position.speedKmh() == 0;
            driving |= position.speedKmh() > 20;
            inKeyArea |= route.inKeyArea(position);
            assertThat(position.mileageKm()).isGreaterThanOrEqualTo(mileage);
            assertThat(position.latitude()).isBetween(39.4, 39.5);
            mileage = position.mileageKm();
        }
        assertThat(stopped).isTrue();
        assertThat(driving).isTrue();
        assertThat(inKeyArea).isTrue();
    }

    @Test
    void aParkVehicleKeepsOutOfTheKeyArea() {
        Route route = new Route("xilinhot", false, 0.1);
        for (int s = 0; s < 7200; s += 5) {
            assertThat(route.inKeyArea(route.at(START.plusSeconds(s)))).isFalse();
        }
    }
}
