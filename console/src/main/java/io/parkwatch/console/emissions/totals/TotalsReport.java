package io.parkwatch.console.emissions.totals;

import io.parkwatch.console.emissions.Pollutant;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Sums hourly emissions into period totals per point, pollutant and method, keeps the invalid
 * hours apart (listed, with their mass where it could be computed, never added to a total), and
 * compares each permitted outlet's year to date (its points summed) with its allowance. Pure:
 * hours in, a {@link Report} out.
 */
public final class TotalsReport {

    /** One period's total of one point's pollutant by one method; {@code totalKg} counts valid hours only. */
    public record Row(String periodStart, String park, String enterprise, String point, Pollutant pollutant,
                      TotalMethod method, double totalKg, long validHours, long invalidHours, double invalidKg,
                      Map<String, Long> invalidReasons) {
    }

    /**
     * A pollutant's year to date against its annual allowance: an outlet's (every point of it summed)
     * where a permit sets one, else one point's with no allowance.
     *
     * @param point   the point when the row is one point's or its outlet has only one, else null
     * @param outlet  the permit's outlet, null without a permitted total
     * @param points  the points summed: the outlet's as the permit lists them, or the one point
     * @param permit  the permit number, null without a permitted total
     */
    public record Allowance(String park, String enterprise, String point, String outlet, List<String> points,
                            String permit, Pollutant pollutant, AllowanceUse use) {
    }

    public record Report(Instant asOf, List<Row> rows, List<HourlyEmission> invalidHours, List<Allowance> allowances) {
    }

    private final TotalsQuery query;
    private final Instant asOf;
    private final Instant yearStart;
    private final Instant yearEnd;
    private final PermitAllowance permits;
    private final Map<String, Sum> sums = new TreeMap<>();
    private final Map<String, YearToDate> years = new TreeMap<>();
    private final List<HourlyEmission> invalid = new ArrayList<>();

    public TotalsReport(TotalsQuery query, Instant now, PermitAllowance permits) {
        this.query = query;
        this.asOf = query.asOf(now);
        ZonedDateTime start = TotalPeriod.yearStart(asOf, query.zone());
        this.yearStart = start.toInstant();
        this.yearEnd = start.plusYears(1).toInstant();
        this.permits = permits;
    }

    public void accept(HourlyEmission hour) {
        String series = hour.enterprise() + '|' + hour.point() + '|' + hour.pollutant().code();
        YearToDate year = years.computeIfAbsent(series, key -> new YearToDate(hour));
        boolean inYear = !hour.hour().isBefore(yearStart) && hour.hour().isBefore(asOf);
        if (inYear && hour.validity().valid()) {
            year.usedKg += hour.kg();
        }
        if (hour.hour().isBefore(query.from()) || !hour.hour().isBefore(query.to())) {
            return;
        }
        ZonedDateTime periodStart = query.period().start(hour.hour().atZone(query.zone()));
        String key = series + '|' + periodStart.toInstant() + '|' + hour.method().name();
        Sum sum = sums.computeIfAbsent(key, k -> new Sum(hour, periodStart));
        if (hour.validity().valid()) {
            sum.totalKg += hour.kg();
            sum.validHours++;
        } else {
            sum.invalidHours++;
            if (Double.isFinite(hour.kg())) {
                sum.invalidKg += hour.kg();
            }
            sum.reasons.merge(hour.validity().reasonCode(), 1L, Long::sum);
            invalid.add(hour);
        }
    }

    public Report finish() {
        List<Row> rows = sums.values().stream().map(Sum::row).toList();
        int year = yearStart.atZone(query.zone()).getYear();
        // Points of one permitted outlet share its allowance: their year-to-date masses are summed.
        Map<String, OutletYear> outlets = new TreeMap<>();
        for (YearToDate ytd : years.values()) {
            HourlyEmission first = ytd.first;
            Optional<PermitAllowance.OutletAllowance> allowance = permits.of(first.park(), first.enterprise(),
                first.point(), first.pollutant());
            String key = first.park() + '|' + first.enterprise() + '|' + first.pollutant().code() + '|'
                + allowance.map(a -> "outlet:" + a.outlet()).orElse("point:" + first.point());
            outlets.computeIfAbsent(key, k -> new OutletYear(first, allowance)).usedKg += ytd.usedKg;
        }
        List<Allowance> allowances = outlets.values().stream().map(outlet -> outlet.allowance(year)).toList();
        return new Report(asOf, rows, List.copyOf(invalid), allowances);
    }

    private final class OutletYear {
        private final HourlyEmission first;
        private final Optional<PermitAllowance.OutletAllowance> allowance;
        private double usedKg;

        OutletYear(HourlyEmission first, Optional<PermitAllowance.OutletAllowance> allowance) {
            this.first = first;
            this.allowance = allowance;
        }

        Allowance allowance(int year) {
            OptionalDouble tonnes = allowance.map(a -> OptionalDouble.of(a.tonnesPerYear())).orElse(OptionalDouble.empty());
            AllowanceUse use = AllowanceUse.of(year, usedKg, tonnes, yearStart, yearEnd, asOf);
            if (allowance.isEmpty()) {
                return new Allowance(first.park(), first.enterprise(), first.point(), null, List.of(first.point()), null,
                    first.pollutant(), use);
            }
            List<String> points = allowance.get().points();
            return new Allowance(first.park(), first.enterprise(), points.size() == 1 ? points.get(0) : null,
                allowance.get().outlet(), points, allowance.get().permit(), first.pollutant(), use);
        }
    }

    private static final class Sum {
        private final HourlyEmission first;
        private final ZonedDateTime periodStart;
        private final Map<String, Long> reasons = new TreeMap<>();
        private double totalKg;
        private long validHours;
        private long invalidHours;
        private double invalidKg;

        Sum(HourlyEmission first, ZonedDateTime periodStart) {
            this.first = first;
            this.periodStart = periodStart;
        }

        Row row() {
            return new Row(periodStart.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), first.park(),
                first.enterprise(), first.point(), first.pollutant(), first.method(), totalKg, validHours, invalidHours,
                invalidKg, Collections.unmodifiableMap(new TreeMap<>(reasons)));
        }
    }

    private static final class YearToDate {
        private final HourlyEmission first;
        private double usedKg;

        YearToDate(HourlyEmission first) {
            this.first = first;
        }
    }
}
