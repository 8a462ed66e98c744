package io.parkwatch.simulator.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void loadPeaksAtMiddayAndIsLowAtNight() {
        Signal load = Signals.diurnalLoad(100, 500);
        Random random = new Random(3);
        double midday = load.valueAt(Instant.parse("2026-11-23T05:00:00Z"), random);
        double night = load.valueAt(Instant.parse("2026-11-23T19:00:00Z"), random);
        assertThat(midday).isBetween(400.0, 600.0);
        assertThat(night).isBetween(80.0, 120.0);
    }

    @Test
    void noisyValuesStayNearTheMeanAndNeverGoNegative() {
        Signal dust = Signals.noisy(6, 0.25);
        Random random = new Random(9);
        double sum = 0;
        for (int i = 0; i < 1000; i++) {
            double value = dust.valueAt(Instant.EPOCH, random);
            assertThat(value).isGreaterThanOrEqualTo(0);
            sum += value;
        }
        assertThat(sum / 1000).isBetween(5.5, 6.5);
    }
}
