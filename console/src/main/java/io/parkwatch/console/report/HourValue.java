package io.parkwatch.console.report;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.emissions.totals.HourWindow;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One hour's concentration of a pollutant at a point, chosen from that hour's windows, and its
 * value on a limit's basis. A limit at a reference O₂ is compared with the data logger's converted
 * hourly value (HJ 212 {@code -Zs…}) where there is one, else with the measured hourly mean
 * converted with the hour's mean O₂: C_ref = C × (21 − O₂ref) / (21 − O₂).
 *
 * @param window the hour's window of the chosen metric (its counts judge the hour's validity)
 * @param atReference whether the metric is already at the reference O₂
 */
record HourValue(String metric, HourWindow window, boolean atReference) {

    static final String OXYGEN = "a19001";
    private static final double AIR_OXYGEN = 21.0;

    /** The logger's own hourly average first, then the pipeline's hourly window of real-time values. */
    private static final List<String> MEASURED = List.of("-Avg-hour", "-Rtd", "");
    private static final List<String> CONVERTED = List.of("-ZsAvg-hour", "-ZsRtd", "-Zs");

    /**
     * The hour's value of {@code pollutant}: converted forms first when the limit is stated at a
     * reference O₂, measured ones first otherwise; empty when the hour has none.
     */
    static Optional<HourValue> of(Pollutant pollutant, Map<String, HourWindow> windows, boolean referenceFirst) {
        List<String> first = referenceFirst ? CONVERTED : MEASURED;
        List<String> then = referenceFirst ? MEASURED : CONVERTED;
        for (List<String> kinds : List.of(first, then)) {
            for (String kind : kinds) {
                HourWindow window = windows.get(pollutant.code() + kind);
                if (window != null && window.count() > 0) {
                    return Optional.of(new HourValue(pollutant.code() + kind, window, kinds == CONVERTED));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The mean on the basis of a limit at {@code referenceOxygen} (null: as measured); empty when it
     * cannot be had: no O₂ that hour (or O₂ of 21 % or more), or a converted value with a limit
     * stated as measured.
     */
    Optional<Double> onBasis(Double referenceOxygen, Map<String, HourWindow> windows) {
        if (referenceOxygen == null) {
            return atReference ? Optional.empty() : Optional.of(window.mean());
        }
        if (atReference) {
            return Optional.of(window.mean());
        }
        HourWindow oxygen = windows.getOrDefault(OXYGEN + "-Avg-hour", windows.get(OXYGEN + "-Rtd"));
        if (oxygen == null || oxygen.count() == 0 || !(oxygen.mean() < AIR_OXYGEN)) {
            return Optional.empty();
        }
        return Optional.of(window.mean() * (AIR_OXYGEN - referenceOxygen) / (AIR_OXYGEN - oxygen.mean()));
    }
}
