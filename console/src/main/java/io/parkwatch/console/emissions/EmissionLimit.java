package io.parkwatch.console.emissions;

import java.util.Objects;

/**
 * The limit in force for one row of emission history, in the pollutant's unit, and where it comes from.
 *
 * @param source {@code ultra-low} (the park-wide set) or {@code permit <number>} (the enterprise's permit)
 * @param judged whether this row is judged against it: a permit's limit judges only rows of its averaging
 *               period and, when it states a reference O₂, only values converted to it (the Zs kinds)
 */
public record EmissionLimit(double value, String source, boolean judged) {

    public static final String ULTRA_LOW = "ultra-low";

    public EmissionLimit {
        Objects.requireNonNull(source, "source");
    }

    /** A park-wide ultra-low limit: every row is judged against it. */
    public static EmissionLimit ultraLow(double value) {
        return new EmissionLimit(value, ULTRA_LOW, true);
    }
}
