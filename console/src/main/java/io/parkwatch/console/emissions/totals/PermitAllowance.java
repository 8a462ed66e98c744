package io.parkwatch.console.emissions.totals;

import io.parkwatch.console.emissions.Pollutant;
import java.util.List;
import java.util.Optional;

/**
 * The annual permitted total (t/a) an emission permit sets for a pollutant at an outlet, found
 * from one of the outlet's points. {@link #NONE} where no permits are known.
 */
@FunctionalInterface
public interface PermitAllowance {

    PermitAllowance NONE = (park, enterprise, point, pollutant) -> Optional.empty();

    /** The outlet's allowance that {@code point} counts towards, or empty when no permit sets one. */
    Optional<OutletAllowance> of(String park, String enterprise, String point, Pollutant pollutant);

    /**
     * An outlet's permitted annual total of one pollutant: the mass of all its points counts towards it.
     *
     * @param permit the permit number
     * @param points the outlet's points, as the permit lists them
     */
    record OutletAllowance(String permit, String outlet, List<String> points, double tonnesPerYear) {

        public OutletAllowance {
            points = List.copyOf(points);
        }
    }
}
