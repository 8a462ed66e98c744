package io.parkwatch.console.report;

import io.parkwatch.contracts.permit.AveragingPeriod;
import io.parkwatch.contracts.permit.ConcentrationUnits;
import io.parkwatch.contracts.permit.PollutantLimit;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A permit's limit as the report judges it: in the pollutant's unit (readings arrive in it), at its
 * reference O₂ (null: as measured), on its averaging period.
 *
 * @param stated the limit as the permit states it, in {@code statedUnit}
 */
record ReportLimit(double value, Double referenceOxygen, AveragingPeriod period, double stated, String statedUnit) {

    /** The permit's limit in {@code factorUnit}; empty when it cannot be converted (a permit file never has such a unit). */
    static Optional<ReportLimit> of(PollutantLimit limit, String factorUnit) {
        OptionalDouble factor = ConcentrationUnits.factor(limit.unit(), factorUnit);
        if (factor.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReportLimit(limit.limit() * factor.getAsDouble(), limit.referenceOxygen(),
            limit.period(), limit.limit(), limit.unit()));
    }
}
