package io.parkwatch.console.permits;

import io.parkwatch.console.emissions.EmissionLimit;
import io.parkwatch.console.emissions.EmissionLimits;
import io.parkwatch.console.emissions.Interval;
import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.contracts.permit.AveragingPeriod;
import io.parkwatch.contracts.permit.ConcentrationUnits;
import io.parkwatch.contracts.permit.PollutantLimit;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Limits from the permits in force, the park-wide set elsewhere: at a point of a permitted outlet
 * the permit's limit (converted to the pollutant's unit, in which readings arrive) replaces the
 * park-wide one, as the alert engine's {@code unlessPermitted} rules step aside there. A pollutant
 * the permit does not list has no limit at that outlet (the engine does not judge it either).
 */
public final class PermitEmissionLimits implements EmissionLimits {

    private final PermitDirectory permits;
    private final EmissionLimits parkWide;

    public PermitEmissionLimits(PermitDirectory permits, EmissionLimits parkWide) {
        this.permits = permits;
        this.parkWide = parkWide;
    }

    @Override
    public Optional<EmissionLimit> limit(String park, String enterprise, String point, Pollutant pollutant,
                                         Interval interval, String metric) {
        Optional<PermitDirectory.PermittedPoint> permitted = permits.at(park, enterprise, point);
        if (permitted.isEmpty()) {
            return parkWide.limit(park, enterprise, point, pollutant, interval, metric);
        }
        String source = "permit " + permitted.get().permit().number();
        return permitted.get().limit(pollutant.code()).flatMap(limit -> inUnit(limit, pollutant.factor().unit())
            .map(value -> new EmissionLimit(value, source, judges(limit, interval, metric))));
    }

    /** The limit in {@code unit}; empty when it cannot be converted (the permit reader refuses such a file). */
    static Optional<Double> inUnit(PollutantLimit limit, String unit) {
        OptionalDouble factor = ConcentrationUnits.factor(limit.unit(), unit);
        return factor.isPresent() ? Optional.of(limit.limit() * factor.getAsDouble()) : Optional.empty();
    }

    /**
     * A permit's limit judges means of its own period only (an hourly limit the hours, a daily one
     * the days) and, when it states a reference O₂, only values converted to it (HJ 212 Zs kinds):
     * a measured concentration is not comparable with it.
     */
    static boolean judges(PollutantLimit limit, Interval interval, String metric) {
        Interval period = limit.period() == AveragingPeriod.DAY ? Interval.DAY : Interval.HOUR;
        return interval == period && (limit.referenceOxygen() == null || Pollutant.atReferenceOxygen(metric));
    }
}
