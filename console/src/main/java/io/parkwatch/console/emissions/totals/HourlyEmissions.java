package io.parkwatch.console.emissions.totals;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.emissions.validity.Validity;
import io.parkwatch.console.emissions.validity.ValidityEngine;
import io.parkwatch.contracts.factor.FactorMedium;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One hour's mass of a pollutant at a point, from that hour's windows of the point's metrics:
 * the logger's {@code -Cou-hour} when there is one ({@link TotalMethod#COU}), else concentration ×
 * flow ({@link TotalMethod#FLOW_X_CONC}), each value the logger's own hourly average
 * ({@code -Avg-hour}) or, without it, the pipeline's hourly window of real-time values
 * ({@code -Rtd}). An hour whose values are not valid by {@link ValidityEngine} is returned marked
 * invalid, never left out; an hour without any of the pollutant's own values is no hour of it.
 */
public final class HourlyEmissions {

    private HourlyEmissions() {
    }

    /** The metrics {@link #of} looks at for {@code pollutant}. */
    public static List<String> metrics(Pollutant pollutant) {
        List<String> metrics = new ArrayList<>(List.of(cou(pollutant), pollutant.code() + "-Avg-hour",
            pollutant.code() + "-Rtd"));
        String flow = MassConversion.FLOW_FACTORS.get(pollutant.factor().medium());
        if (flow != null) {
            metrics.add(flow + "-Avg-hour");
            metrics.add(flow + "-Rtd");
        }
        return metrics;
    }

    public static Optional<HourlyEmission> of(String park, String enterprise, String point, Pollutant pollutant,
                                              Instant hour, Map<String, HourWindow> windows) {
        FactorMedium medium = pollutant.factor().medium();
        HourWindow cou = windows.get(cou(pollutant));
        if (cou != null) {
            OptionalDouble kg = MassConversion.couKg(cou.mean(), pollutant.factor().totalUnit());
            if (kg.isPresent()) {
                return Optional.of(new HourlyEmission(park, enterprise, point, pollutant, hour, TotalMethod.COU,
                    kg.getAsDouble(), ValidityEngine.ofWindow(medium, cou.count(), cou.goodCount())));
            }
        }
        HourWindow concentration = hourly(windows, pollutant.code());
        String unit = pollutant.factor().unit();
        if (concentration == null || MassConversion.hourKg(0, unit, 0).isEmpty()) {
            return Optional.empty();
        }
        String flowFactor = MassConversion.FLOW_FACTORS.get(medium);
        HourWindow flow = flowFactor == null ? null : hourly(windows, flowFactor);
        if (flow == null) {
            return Optional.of(new HourlyEmission(park, enterprise, point, pollutant, hour, TotalMethod.FLOW_X_CONC,
                Double.NaN, Validity.invalid("NO_FLOW")));
        }
        Validity validity = ValidityEngine.ofWindow(medium, concentration.count(), concentration.goodCount());
        if (validity.valid()) {
            Validity flowValidity = ValidityEngine.ofWindow(medium, flow.count(), flow.goodCount());
            validity = flowValidity.valid() ? flowValidity : Validity.invalid("FLOW_" + flowValidity.reason());
        }
        return Optional.of(new HourlyEmission(park, enterprise, point, pollutant, hour, TotalMethod.FLOW_X_CONC,
            MassConversion.hourKg(concentration.mean(), unit, flow.mean()).getAsDouble(), validity));
    }

    private static String cou(Pollutant pollutant) {
        return pollutant.code() + "-Cou-hour";
    }

    /** The logger's own hourly average first: it is the hour's value of record. */
    private static HourWindow hourly(Map<String, HourWindow> windows, String factor) {
        HourWindow own = windows.get(factor + "-Avg-hour");
        return own != null ? own : windows.get(factor + "-Rtd");
    }
}
