package io.parkwatch.contracts.permit;

import java.util.Objects;

/**
 * What a permit allows of one pollutant at one outlet.
 *
 * @param pollutant       the HJ 212-2017 factor code, e.g. {@code a21026} (SO₂)
 * @param limit           the concentration limit, in {@code unit}; a mean exactly at it complies
 * @param unit            the limit's unit, as the factor catalog writes units ({@code mg/m3}, {@code mg/L})
 * @param referenceOxygen the reference O₂ in % that flue-gas concentrations are converted to; null when
 *                        the standard states none (waste water, or gas judged as measured)
 * @param period          the averaging period the limit is judged on
 * @param annualTonnes    the permitted annual total in t/a; null when the permit sets none
 * @param basis           the standard the limit comes from, as the file names it; null when not given
 */
public record PollutantLimit(String pollutant, double limit, String unit, Double referenceOxygen,
                             AveragingPeriod period, Double annualTonnes, String basis) {

    public PollutantLimit {
        Objects.requireNonNull(pollutant, "pollutant is required");
        Objects.requireNonNull(unit, "unit is required");
        Objects.requireNonNull(period, "period is required");
    }
}
