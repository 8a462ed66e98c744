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

    @Test
    void aTankFillsAndDrawsDownBetweenItsLevels() {
        Signal level = Signals.tankLevel(2, 10, 8, 0);
        Random random = new Random(1);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int minute = 0; minute < 8 * 60; minute += 5) {
            double value = level.valueAt(Instant.parse("2026-11-23T00:00:00Z").plusSeconds(60L * minute), random);
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        assertThat(min).isBetween(1.8, 3.0);
        assertThat(max).isBetween(9.0, 10.2);
    }

    @Test
    void gatesCountMoreByDayThanByNight() {
        Signal gate = Signals.counts(20);
        Random random = new Random(4);
        double day = 0;
        double night = 0;
        for (int i = 0; i < 200; i++) {
            day += gate.valueAt(Instant.parse("2026-11-23T05:00:00Z"), random);
            night += gate.valueAt(Instant.parse("2026-11-23T19:00:00Z"), random);
        }
        assertThat(day).isGreaterThan(4 * night);
    }
}
