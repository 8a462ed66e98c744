package io.parkwatch.console.emissions;

import io.parkwatch.console.emissions.validity.Validity;
import io.parkwatch.console.emissions.validity.ValidityEngine;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of emission history: statistics of one stack's pollutant over one period, against the
 * limit in force.
 *
 * @param time         the period's start as InfluxDB wrote it (RFC 3339; days carry the park's offset)
 * @param limitInForce the limit in force and its source, empty when none applies
 * @param validity     whether the value counts under HJ 75-2017 / HJ 356-2019 (docs/standards/validity.md)
 */
public record EmissionRow(String time, String park, String enterprise, String point, Pollutant pollutant,
                          String metric, double mean, double min, double max, long count, long goodCount,
                          Optional<EmissionLimit> limitInForce, Validity validity) {

    /** A row against a park-wide limit (judged on every row), or none. */
    public EmissionRow(String time, String park, String enterprise, String point, Pollutant pollutant, String metric,
                       double mean, double min, double max, long count, long goodCount, OptionalDouble limit,
                       Validity validity) {
        this(time, park, enterprise, point, pollutant, metric, mean, min, max, count, goodCount,
            limit.isPresent() ? Optional.of(EmissionLimit.ultraLow(limit.getAsDouble())) : Optional.empty(), validity);
    }

    /** A row judged as a window of {@code count} values, {@code goodCount} of them flagged N. */
    public EmissionRow(String time, String park, String enterprise, String point, Pollutant pollutant, String metric,
                       double mean, double min, double max, long count, long goodCount, OptionalDouble limit) {
        this(time, park, enterprise, point, pollutant, metric, mean, min, max, count, goodCount, limit,
            ValidityEngine.ofWindow(pollutant.factor().medium(), count, goodCount));
    }

    /** The limit's value, empty when none applies. */
    public OptionalDouble limit() {
        return limitInForce.map(l -> OptionalDouble.of(l.value())).orElse(OptionalDouble.empty());
    }

    /** Where the limit comes from ({@code ultra-low}, {@code permit <number>}); empty when none applies. */
    public Optional<String> limitSource() {
        return limitInForce.map(EmissionLimit::source);
    }

    /** Share of good-quality values (HJ 212 flag N), 0..1. */
    public double goodShare() {
        return count == 0 ? 0 : (double) goodCount / count;
    }

    /**
     * {@code reference_o2} for values converted to the reference O₂ (HJ 212 Zs kinds), the basis
     * the limits are stated on; {@code measured} for as-measured concentrations.
     */
    public String basis() {
        return Pollutant.atReferenceOxygen(metric) ? "reference_o2" : "measured";
    }

    /**
     * Whether the row is judged against its limit: it has one that judges rows of its period and
     * basis, and is valid (an invalid value is never judged).
     */
    public boolean judged() {
        return limitInForce.isPresent() && limitInForce.get().judged() && validity.valid();
    }

    /** Whether the mean is above the limit; false when not {@link #judged()}. */
    public boolean exceeded() {
        return judged() && mean > limitInForce.get().value();
    }
}
