package io.parkwatch.simulator.signal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The signal shapes of the sample parks. */
public final class Signals {

    /** Parks in Inner Mongolia keep Beijing time; the load follows the working day there. */
    private static final ZoneId PARK_ZONE = ZoneId.of("Asia/Shanghai");

    private Signals() {
    }

    /**
     * Electric load with a working-day shape: a night base of {@code base} rising to {@code peak}
     * between 8:00 and 18:00, plus a few percent of noise.
     */
    public static Signal diurnalLoad(double base, double peak) {
        return (at, random) -> {
            double hour = hourOfDay(at);
            double day = Math.max(0, Math.sin(Math.PI * (hour - 6) / 14));
            double value = base + (peak - base) * day;
            return round(value * (1 + 0.03 * random.nextGaussian()), 2);
        };
    }

    /** A steady value with relative noise, e.g. a flue-gas concentration under control. */
    public static Signal noisy(double mean, double relativeNoise) {
        return (at, random) -> round(Math.max(0, mean * (1 + relativeNoise * random.nextGaussian())), 3);
    }

    private static double hourOfDay(Instant at) {
        ZonedDateTime local = at.atZone(PARK_ZONE);
        return local.getHour() + local.getMinute() / 60.0;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
