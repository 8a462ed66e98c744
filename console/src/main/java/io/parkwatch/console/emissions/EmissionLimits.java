package io.parkwatch.console.emissions;

import java.util.OptionalDouble;

/**
 * The concentration limit in force for a stack (mg/m³ at the reference O₂), judged against
 * hourly means. The rule engine will supply per-enterprise limits through this port.
 */
@FunctionalInterface
public interface EmissionLimits {

    /** The limit, or empty when none applies. */
    OptionalDouble limit(String enterprise, String point, Pollutant pollutant);
}
