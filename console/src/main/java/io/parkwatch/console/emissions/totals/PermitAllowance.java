package io.parkwatch.console.emissions.totals;

import io.parkwatch.console.emissions.Pollutant;
import java.util.OptionalDouble;

/**
 * The annual permitted total (t/a) an emission permit sets for a point's pollutant. Emission
 * permits supply it; {@link #NONE} until they are wired.
 */
@FunctionalInterface
public interface PermitAllowance {

    PermitAllowance NONE = (enterprise, point, pollutant) -> OptionalDouble.empty();

    /** Tonnes per year, or empty when no permit sets one. */
    OptionalDouble tonnesPerYear(String enterprise, String point, Pollutant pollutant);
}
