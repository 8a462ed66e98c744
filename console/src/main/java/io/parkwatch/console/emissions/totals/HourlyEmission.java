package io.parkwatch.console.emissions.totals;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.emissions.validity.Validity;
import java.time.Instant;

/**
 * One hour's emitted mass of one pollutant at one point.
 *
 * @param kg NaN when the hour cannot be computed (then it is invalid, e.g. {@code NO_FLOW})
 */
public record HourlyEmission(String park, String enterprise, String point, Pollutant pollutant, Instant hour,
                             TotalMethod method, double kg, Validity validity) {
}
