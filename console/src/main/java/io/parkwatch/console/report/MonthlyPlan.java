package io.parkwatch.console.report;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.emissions.totals.MassConversion;
import io.parkwatch.contracts.factor.Factor;
import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.factor.FactorMedium;
import io.parkwatch.contracts.permit.ConcentrationUnits;
import io.parkwatch.contracts.permit.Outlet;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.permit.PollutantLimit;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a monthly report covers: the permit's outlets with their pollutants and limits, then every
 * emission point of the enterprise in the registry (CEMS stacks, waste-water monitors) that no
 * permit outlet names, as an outlet of its own with the pollutants it sent that month (factors
 * measured as a mass concentration; flows, O₂ and the like are not pollutants).
 */
record MonthlyPlan(List<Planned> outlets) {

    record Planned(String outlet, String name, String medium, List<String> points, List<Judged> pollutants) {
    }

    record Judged(Pollutant pollutant, Optional<ReportLimit> limit) {
    }

    static MonthlyPlan of(Optional<Permit> permit, List<PointEntry> registryPoints, MonthWindows windows,
                          FactorCatalog catalog) {
        List<Planned> outlets = new ArrayList<>();
        Set<String> permitted = new LinkedHashSet<>();
        for (Outlet outlet : permit.map(Permit::outlets).orElse(List.of())) {
            List<Judged> judged = new ArrayList<>();
            for (PollutantLimit limit : outlet.limits()) {
                catalog.byCode(limit.pollutant()).map(Pollutant::of).ifPresent(pollutant ->
                    judged.add(new Judged(pollutant, ReportLimit.of(limit, pollutant.factor().unit()))));
            }
            outlets.add(new Planned(outlet.id(), outlet.name(), medium(outlet.medium()), outlet.points(), judged));
            permitted.addAll(outlet.points());
        }
        for (PointEntry point : registryPoints) {
            Optional<PointKind> kind = point.pointKind();
            boolean emission = kind.filter(k -> k == PointKind.CEMS_STACK || k == PointKind.ENV_MONITOR).isPresent();
            if (!emission || permitted.contains(point.id())) {
                continue;
            }
            List<Judged> judged = seen(windows.metricsOf(point.id()), catalog).stream()
                .map(pollutant -> new Judged(pollutant, Optional.<ReportLimit>empty())).toList();
            outlets.add(new Planned(null, point.id(), kind.get() == PointKind.CEMS_STACK ? "air" : "water",
                List.of(point.id()), judged));
        }
        return new MonthlyPlan(List.copyOf(outlets));
    }

    /** Every pollutant of the plan, for the totals' read. */
    List<Pollutant> pollutants() {
        Map<String, Pollutant> all = new java.util.TreeMap<>();
        outlets.forEach(o -> o.pollutants().forEach(j -> all.put(j.pollutant().code(), j.pollutant())));
        return List.copyOf(all.values());
    }

    private static List<Pollutant> seen(Set<String> metrics, FactorCatalog catalog) {
        Set<String> codes = new TreeSet<>();
        for (String metric : metrics) {
            int dash = metric.indexOf('-');
            String code = dash < 0 ? metric : metric.substring(0, dash);
            Optional<Factor> factor = catalog.byCode(code);
            if (factor.isPresent() && ConcentrationUnits.factor(factor.get().unit(), factor.get().unit()).isPresent()
                && !MassConversion.FLOW_FACTORS.containsValue(code)) {
                codes.add(code);
            }
        }
        return codes.stream().map(code -> Pollutant.of(catalog.byCode(code).orElseThrow())).toList();
    }

    private static String medium(FactorMedium medium) {
        return medium == FactorMedium.WATER ? "water" : "air";
    }
}
