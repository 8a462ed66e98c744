package io.parkwatch.console.report;

import io.parkwatch.console.emissions.totals.AllowanceUse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A monthly report as CSV: one line per outlet, point and pollutant, the outlet's totals repeated on
 * each of its points' lines. Reasons are {@code CODE:count} joined with {@code ;}.
 */
final class MonthlyCsv {

    static final String HEADER = "park,enterprise,month,permit,outlet,medium,point,pollutant,unit,limit,reference_o2,"
        + "period,hours_counted,hours_with_value,valid_hours,invalid_hours,invalid_reasons,exceedance_hours,"
        + "exceedance_days,unjudged_hours,completeness,valid_share,outlet_total_kg,outlet_total_by_method,"
        + "ytd_used_kg,annual_allowance_kg,share_used,projected_kg,projected_share";

    private MonthlyCsv() {
    }

    static String of(MonthlyReport report) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        long hours = report.hoursCounted();
        for (MonthlyReport.OutletMonth outlet : report.outlets()) {
            for (MonthlyReport.PointMonth point : outlet.points()) {
                for (int i = 0; i < point.pollutants().size(); i++) {
                    PollutantMonth.Tally t = point.pollutants().get(i);
                    MonthlyReport.OutletTotal total = outlet.totals().get(i);
                    Optional<AllowanceUse> use = total.yearToDate().map(a -> a.use());
                    List<String> cells = List.of(report.park(), report.enterprise(), report.month().toString(),
                        report.permit().orElse(MonthlyReport.NO_PERMIT), text(outlet.outlet()), outlet.medium(),
                        point.point(), t.pollutant().code(), t.pollutant().factor().unit(),
                        t.limit().map(l -> number(l.value())).orElse(""),
                        t.limit().map(l -> l.referenceOxygen() == null ? "" : number(l.referenceOxygen())).orElse(""),
                        t.limit().map(l -> l.period().wireName()).orElse(""), String.valueOf(hours),
                        String.valueOf(t.hoursWithValue()), String.valueOf(t.validHours()),
                        String.valueOf(t.invalidHours()), reasons(t.invalidReasons()), text(t.exceedanceHours()),
                        text(t.exceedanceDays()), String.valueOf(t.unjudgedHours()),
                        hours == 0 ? "" : number((double) t.hoursWithValue() / hours),
                        hours == 0 ? "" : number((double) t.validHours() / hours), number(total.totalKg()),
                        total.byMethod().entrySet().stream().map(e -> e.getKey() + ":" + number(e.getValue()))
                            .collect(Collectors.joining(";")),
                        use.map(u -> number(u.usedKg())).orElse(""), use.map(u -> number(u.allowanceKg())).orElse(""),
                        use.map(u -> number(u.shareUsed())).orElse(""), use.map(u -> number(u.projectedKg())).orElse(""),
                        use.map(u -> number(u.projectedShare())).orElse(""));
                    out.append(cells.stream().map(MonthlyCsv::cell).collect(Collectors.joining(","))).append("\r\n");
                }
            }
        }
        return out.toString();
    }

    private static String reasons(Map<String, Long> reasons) {
        return reasons.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "";
    }

    static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : "";
    }

    private static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
