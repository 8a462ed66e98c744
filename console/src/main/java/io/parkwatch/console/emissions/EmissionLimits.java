package io.parkwatch.console.emissions;

import java.util.Optional;

/**
 * The concentration limit in force for a row of a stack's emission history: the enterprise's
 * permit where one covers the point, else the park-wide set ({@link UltraLowEmissionLimits}).
 */
@FunctionalInterface
public interface EmissionLimits {

    /**
     * The limit for rows of {@code metric} at {@code interval}, or empty when none applies.
     *
     * @param interval the row's resolution ({@link Interval#DAY} for the days rolled up from hours)
     */
    Optional<EmissionLimit> limit(String park, String enterprise, String point, Pollutant pollutant, Interval interval,
                                  String metric);
}
