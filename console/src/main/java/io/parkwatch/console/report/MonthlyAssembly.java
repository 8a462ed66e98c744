package io.parkwatch.console.report;

import io.parkwatch.console.emissions.totals.AllowanceUse;
import io.parkwatch.console.emissions.totals.HourWindow;
import io.parkwatch.console.emissions.totals.PermitAllowance;
import io.parkwatch.console.emissions.totals.TotalPeriod;
import io.parkwatch.console.emissions.totals.TotalsReport;
import io.parkwatch.contracts.permit.Permit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Puts a monthly report together from its plan, the month's hourly windows and the totals. Pure. */
final class MonthlyAssembly {

    private MonthlyAssembly() {
    }

    /** The month's hours up to {@code now}, at most the whole month: completeness is judged on these. */
    static long hoursCounted(MonthlyQuery query, Instant now) {
        Instant end = now.isBefore(query.to()) ? now : query.to();
        return end.isAfter(query.from()) ? Duration.between(query.from(), end).toHours() : 0;
    }

    static MonthlyReport assemble(MonthlyQuery query, Instant now, String enterpriseName, Optional<Permit> permit,
                                  MonthlyPlan plan, MonthWindows windows, TotalsReport.Report totals,
                                  PermitAllowance allowance) {
        List<MonthlyReport.OutletMonth> outlets = new ArrayList<>();
        for (MonthlyPlan.Planned outlet : plan.outlets()) {
            List<MonthlyReport.PointMonth> points = new ArrayList<>();
            for (String point : outlet.points()) {
                List<PollutantMonth.Tally> tallies = new ArrayList<>();
                for (MonthlyPlan.Judged judged : outlet.pollutants()) {
                    PollutantMonth month = new PollutantMonth(judged.pollutant(), judged.limit(), query.zone());
                    for (Map.Entry<Instant, Map<String, HourWindow>> hour : windows.hoursOf(point).entrySet()) {
                        if (!hour.getKey().isBefore(query.from()) && hour.getKey().isBefore(query.to())) {
                            month.hour(hour.getKey(), hour.getValue());
                        }
                    }
                    tallies.add(month.finish());
                }
                points.add(new MonthlyReport.PointMonth(point, tallies));
            }
            List<MonthlyReport.OutletTotal> sums = outlet.pollutants().stream()
                .map(judged -> total(query, outlet, judged, totals, allowance)).toList();
            outlets.add(new MonthlyReport.OutletMonth(outlet.outlet(), outlet.name(), outlet.medium(), points, sums));
        }
        long hours = Duration.between(query.from(), query.to()).toHours();
        return new MonthlyReport(query.park(), query.enterprise(), enterpriseName, query.month(), query.zone(),
            query.from(), query.to(), totals.asOf(), hours, hoursCounted(query, now), permit.map(Permit::number),
            List.copyOf(outlets));
    }

    private static MonthlyReport.OutletTotal total(MonthlyQuery query, MonthlyPlan.Planned outlet,
                                                   MonthlyPlan.Judged judged, TotalsReport.Report totals,
                                                   PermitAllowance allowance) {
        String code = judged.pollutant().code();
        Map<String, Double> byMethod = new TreeMap<>();
        double kg = 0;
        long invalid = 0;
        for (TotalsReport.Row row : totals.rows()) {
            if (row.pollutant().code().equals(code) && outlet.points().contains(row.point())) {
                kg += row.totalKg();
                invalid += row.invalidHours();
                if (row.validHours() > 0) {
                    byMethod.merge(row.method().text(), row.totalKg(), Double::sum);
                }
            }
        }
        // Only an outlet's permitted total is reported against: the allowance row that names it.
        Optional<TotalsReport.Allowance> yearToDate = outlet.outlet() == null ? Optional.empty()
            : totals.allowances().stream().filter(a -> a.pollutant().code().equals(code)
                && outlet.outlet().equals(a.outlet())).findFirst();
        if (yearToDate.isEmpty() && outlet.outlet() != null && !outlet.points().isEmpty()) {
            // No hour of it this year: the allowance stands all the same, none of it used.
            yearToDate = allowance.of(query.park(), query.enterprise(), outlet.points().get(0), judged.pollutant())
                .map(a -> unused(query, totals.asOf(), a, judged));
        }
        return new MonthlyReport.OutletTotal(judged.pollutant(), kg, byMethod, invalid, yearToDate);
    }

    private static TotalsReport.Allowance unused(MonthlyQuery query, Instant asOf, PermitAllowance.OutletAllowance a,
                                                 MonthlyPlan.Judged judged) {
        ZonedDateTime start = TotalPeriod.yearStart(asOf, query.zone());
        AllowanceUse use = AllowanceUse.of(start.getYear(), 0, OptionalDouble.of(a.tonnesPerYear()), start.toInstant(),
            start.plusYears(1).toInstant(), asOf);
        return new TotalsReport.Allowance(query.park(), query.enterprise(), a.points().size() == 1 ? a.points().get(0)
            : null, a.outlet(), a.points(), a.permit(), judged.pollutant(), use);
    }
}
