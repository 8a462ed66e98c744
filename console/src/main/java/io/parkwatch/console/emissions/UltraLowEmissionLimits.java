package io.parkwatch.console.emissions;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The ultra-low emission limits for coal-fired power units (超低排放, at 6 % O₂): particulate 10,
 * SO₂ 35, NOx 50 mg/m³; the same for every stack until the rule engine supplies per-plant limits.
 */
public final class UltraLowEmissionLimits implements EmissionLimits {

    private final Map<Pollutant, Double> limits = new EnumMap<>(Map.of(
        Pollutant.PARTICULATE, 10.0,
        Pollutant.SO2, 35.0,
        Pollutant.NOX, 50.0));

    @Override
    public OptionalDouble limit(String enterprise, String point, Pollutant pollutant) {
        Double limit = limits.get(pollutant);
        return limit == null ? OptionalDouble.empty() : OptionalDouble.of(limit);
    }
}
