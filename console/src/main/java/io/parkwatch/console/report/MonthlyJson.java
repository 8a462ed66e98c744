package io.parkwatch.console.report;

import io.parkwatch.console.emissions.totals.AllowanceUse;
import io.parkwatch.console.emissions.totals.TotalsReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The JSON body of a monthly report (docs/api.md, "Monthly report"). */
final class MonthlyJson {

    private MonthlyJson() {
    }

    static Map<String, Object> body(MonthlyReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("park", report.park());
        body.put("enterprise", report.enterprise());
        body.put("enterprise_name", report.enterpriseName());
        body.put("month", report.month().toString());
        body.put("time_zone", report.zone().getId());
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        body.put("as_of", report.asOf().toString());
        body.put("hours_in_month", report.hoursInMonth());
        body.put("hours_counted", report.hoursCounted());
        body.put("permit", report.permit().orElse(null));
        body.put("permit_status", report.permit().isPresent() ? "loaded" : MonthlyReport.NO_PERMIT);
        List<Map<String, Object>> outlets = new ArrayList<>();
        for (MonthlyReport.OutletMonth outlet : report.outlets()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("outlet", outlet.outlet());
            one.put("name", outlet.name());
            one.put("medium", outlet.medium());
            one.put("permitted", outlet.permitted());
            List<Map<String, Object>> points = new ArrayList<>();
            for (MonthlyReport.PointMonth point : outlet.points()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("point", point.point());
                p.put("pollutants", point.pollutants().stream().map(t -> tally(t, report.hoursCounted())).toList());
                points.add(p);
            }
            one.put("points", points);
            one.put("totals", outlet.totals().stream().map(t -> total(t, outlet.permitted())).toList());
            outlets.add(one);
        }
        body.put("outlets", outlets);
        return body;
    }

    static Map<String, Object> tally(PollutantMonth.Tally tally, long hours) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("pollutant", tally.pollutant().code());
        one.put("pollutant_name", tally.pollutant().label());
        one.put("unit", tally.pollutant().factor().unit());
        one.put("limit", tally.limit().map(ReportLimit::value).orElse(null));
        one.put("limit_stated", tally.limit().map(l -> l.stated() + " " + l.statedUnit()).orElse(null));
        one.put("reference_o2", tally.limit().map(ReportLimit::referenceOxygen).orElse(null));
        one.put("period", tally.limit().map(l -> l.period().wireName()).orElse(null));
        one.put("hours_with_value", tally.hoursWithValue());
        one.put("valid_hours", tally.validHours());
        one.put("invalid_hours", tally.invalidHours());
        one.put("invalid_reasons", tally.invalidReasons());
        one.put("exceedance_hours", tally.exceedanceHours());
        one.put("exceedance_days", tally.exceedanceDays());
        one.put("unjudged_hours", tally.unjudgedHours());
        one.put("unjudged_reasons", tally.unjudgedReasons());
        one.put("completeness", hours == 0 ? null : (double) tally.hoursWithValue() / hours);
        one.put("valid_share", hours == 0 ? null : (double) tally.validHours() / hours);
        return one;
    }

    static Map<String, Object> total(MonthlyReport.OutletTotal total, boolean permitted) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("pollutant", total.pollutant().code());
        one.put("pollutant_name", total.pollutant().label());
        one.put("total_kg", total.totalKg());
        one.put("by_method", total.byMethod());
        one.put("invalid_hours", total.invalidHours());
        Optional<TotalsReport.Allowance> ytd = total.yearToDate();
        if (ytd.isEmpty()) {
            one.put("year_to_date", permitted ? "no annual total in the permit" : MonthlyReport.NO_PERMIT);
            return one;
        }
        AllowanceUse use = ytd.get().use();
        Map<String, Object> year = new LinkedHashMap<>();
        year.put("year", use.year());
        year.put("used_kg", use.usedKg());
        year.put("annual_allowance_kg", orNull(use.allowanceKg()));
        year.put("share_used", orNull(use.shareUsed()));
        year.put("projected_kg", orNull(use.projectedKg()));
        year.put("projected_share", orNull(use.projectedShare()));
        year.put("year_elapsed_share", use.yearElapsedShare());
        one.put("year_to_date", year);
        return one;
    }

    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
