package io.parkwatch.console.emissions.totals;

import io.parkwatch.console.emissions.Pollutant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The JSON body of a totals answer (docs/api.md, "Emission totals"). */
final class TotalsJson {

    private TotalsJson() {
    }

    static Map<String, Object> body(TotalsQuery query, TotalsReport.Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", query.period().text());
        body.put("from", query.from().toString());
        body.put("to", query.to().toString());
        body.put("time_zone", query.zone().getId());
        body.put("as_of", report.asOf().toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TotalsReport.Row row : report.rows()) {
            Map<String, Object> one = identity(row.park(), row.enterprise(), row.point(), row.pollutant());
            one.put("period_start", row.periodStart());
            one.put("method", row.method().text());
            one.put("total_kg", row.totalKg());
            one.put("valid_hours", row.validHours());
            one.put("invalid_hours", row.invalidHours());
            one.put("invalid_kg", row.invalidKg());
            one.put("invalid_reasons", row.invalidReasons());
            rows.add(one);
        }
        body.put("rows", rows);
        body.put("row_count", rows.size());
        List<Map<String, Object>> invalid = new ArrayList<>();
        for (HourlyEmission hour : report.invalidHours()) {
            Map<String, Object> one = identity(hour.park(), hour.enterprise(), hour.point(), hour.pollutant());
            one.put("hour", hour.hour().toString());
            one.put("method", hour.method().text());
            one.put("kg", Double.isFinite(hour.kg()) ? hour.kg() : null);
            one.put("invalid_reason", hour.validity().reason());
            invalid.add(one);
        }
        body.put("invalid_hours", invalid);
        List<Map<String, Object>> allowances = new ArrayList<>();
        for (TotalsReport.Allowance allowance : report.allowances()) {
            AllowanceUse use = allowance.use();
            Map<String, Object> one = identity(allowance.park(), allowance.enterprise(), allowance.point(),
                allowance.pollutant());
            one.put("outlet", allowance.outlet());
            one.put("points", allowance.points());
            one.put("permit", allowance.permit());
            one.put("year", use.year());
            one.put("used_kg", use.usedKg());
            one.put("annual_allowance_kg", orNull(use.allowanceKg()));
            one.put("share_used", orNull(use.shareUsed()));
            one.put("projected_kg", orNull(use.projectedKg()));
            one.put("projected_share", orNull(use.projectedShare()));
            one.put("year_elapsed_share", use.yearElapsedShare());
            allowances.add(one);
        }
        body.put("allowances", allowances);
        return body;
    }

    private static Map<String, Object> identity(String park, String enterprise, String point, Pollutant pollutant) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("park", park);
        one.put("enterprise", enterprise);
        one.put("point", point);
        one.put("pollutant", pollutant.code());
        one.put("pollutant_name", pollutant.label());
        return one;
    }

    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
