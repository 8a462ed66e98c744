package io.parkwatch.simulator.signal;

import io.parkwatch.contracts.registry.ParkZones;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The signal shapes of the sample parks. */
public final class Signals {

    /** Parks in Inner Mongolia keep Beijing time; the load follows the working day there. */
    private static final ZoneId PARK_ZONE = ParkZones.DEFAULT;

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

    /**
     * A storage tank filled and drawn down in turn: the level rises from {@code low} to
     * {@code high} and falls back over {@code periodHours}, starting at {@code phase} (0–1) of the cycle.
     */
    public static Signal tankLevel(double low, double high, double periodHours, double phase) {
        double periodSeconds = periodHours * 3600;
        return (at, random) -> {
            double cycle = (at.getEpochSecond() / periodSeconds + phase) % 1.0;
            double triangle = cycle < 0.5 ? 2 * cycle : 2 * (1 - cycle);
            return round(low + (high - low) * triangle + 0.005 * (high - low) * random.nextGaussian(), 3);
        };
    }

    /** Whole counts around {@code mean} during the working day, few at night (gate passages). */
    public static Signal counts(double mean) {
        return (at, random) -> {
            double hour = hourOfDay(at);
            double day = Math.max(0.1, Math.sin(Math.PI * (hour - 6) / 14));
            return Math.max(0, Math.round(mean * day + Math.sqrt(mean * day) * random.nextGaussian()));
        };
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
