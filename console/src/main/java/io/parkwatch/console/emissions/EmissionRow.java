package io.parkwatch.console.emissions;

import java.util.OptionalDouble;

/**
 * One row of emission history: statistics of one stack's pollutant over one period, against the
 * limit in force.
 *
 * @param time  the period's start as InfluxDB wrote it (RFC 3339; days carry the park's offset)
 * @param limit the limit in force, empty when none applies
 */
public record EmissionRow(String time, String park, String enterprise, String point, Pollutant pollutant,
                          String metric, double mean, double min, double max, long count, long goodCount,
                          OptionalDouble limit) {

    /** Share of good-quality values (HJ 212 flag N), 0..1. */
    public double goodShare() {
        return count == 0 ? 0 : (double) goodCount / count;
    }

    /**
     * {@code reference_o2} for values converted to the reference O₂ (HJ 212 Zs kinds), the basis
     * the limits are stated on; {@code measured} for as-measured concentrations.
     */
    public String basis() {
        return Pollutant.atReferenceOxygen(metric) ? "reference_o2" : "measured";
    }

    /** Whether the mean is above the limit; false without a limit. */
    public boolean exceeded() {
        return limit.isPresent() && mean > limit.getAsDouble();
    }
}
