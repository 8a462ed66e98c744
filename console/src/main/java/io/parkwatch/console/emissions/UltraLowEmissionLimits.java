package io.parkwatch.console.emissions;

import java.util.Map;
import java.util.Optional;

/**
 * The ultra-low emission limits for coal-fired power units (超低排放, at 6 % O₂): particulate 10,
 * SO₂ 35, NOx 50 mg/m³ and none for any other factor; the same for every stack that no permit covers.
 */
public final class UltraLowEmissionLimits implements EmissionLimits {

    /** By factor code; every other factor has no limit here. */
    private final Map<String, Double> limits = Map.of(
        Pollutant.PARTICULATE.code(), 10.0,
        Pollutant.SO2.code(), 35.0,
        Pollutant.NOX.code(), 50.0);

    @Override
    public Optional<EmissionLimit> limit(String park, String enterprise, String point, Pollutant pollutant,
                                         Interval interval, String metric) {
        return Optional.ofNullable(limits.get(pollutant.code())).map(EmissionLimit::ultraLow);
    }
}
