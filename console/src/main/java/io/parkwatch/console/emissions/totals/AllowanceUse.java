package io.parkwatch.console.emissions.totals;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * How much of a year's allowance is used so far, and where a straight line takes it by year end:
 * <pre>
 *   share_used     = used_kg / allowance_kg
 *   projected_kg   = used_kg × (year_end − year_start) / (as_of − year_start)
 *   projected_share = projected_kg / allowance_kg
 * </pre>
 * with {@code used_kg} the valid hours' mass from the year's start to {@code as_of}. Without an
 * allowance the shares are empty; at the very start of the year nothing is projected.
 */
public record AllowanceUse(int year, double usedKg, OptionalDouble allowanceKg, OptionalDouble shareUsed,
                           OptionalDouble projectedKg, OptionalDouble projectedShare, double yearElapsedShare) {

    private static final double KG_PER_TONNE = 1000;

    public static AllowanceUse of(int year, double usedKg, OptionalDouble tonnesPerYear, Instant yearStart,
                                  Instant yearEnd, Instant asOf) {
        double elapsed = Duration.between(yearStart, asOf).toMillis();
        double length = Duration.between(yearStart, yearEnd).toMillis();
        OptionalDouble projected = elapsed > 0 ? OptionalDouble.of(usedKg * length / elapsed) : OptionalDouble.empty();
        if (tonnesPerYear.isEmpty() || tonnesPerYear.getAsDouble() <= 0) {
            return new AllowanceUse(year, usedKg, OptionalDouble.empty(), OptionalDouble.empty(), projected,
                OptionalDouble.empty(), elapsed / length);
        }
        double allowanceKg = tonnesPerYear.getAsDouble() * KG_PER_TONNE;
        return new AllowanceUse(year, usedKg, OptionalDouble.of(allowanceKg), OptionalDouble.of(usedKg / allowanceKg),
            projected, projected.isPresent() ? OptionalDouble.of(projected.getAsDouble() / allowanceKg)
                : OptionalDouble.empty(), elapsed / length);
    }
}
