package io.parkwatch.console.emissions.totals;

import io.parkwatch.console.emissions.Pollutant;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums hourly emissions into period totals per point, pollutant and method, keeps the invalid
 * hours apart (listed, with their mass where it could be computed, never added to a total), and
 * compares each point's year to date with its allowance. Pure: hours in, a {@link Report} out.
 */
public final class TotalsReport {

    /** One period's total of one point's pollutant by one method; {@code totalKg} counts valid hours only. */
    public record Row(String periodStart, String park, String enterprise, String point, Pollutant pollutant,
                      TotalMethod method, double totalKg, long validHours, long invalidHours, double invalidKg,
                      Map<String, Long> invalidReasons) {
    }

    /** One point's pollutant against its annual allowance. */
    public record Allowance(String park, String enterprise, String point, Pollutant pollutant, AllowanceUse use) {
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
        List<Allowance> allowances = years.values().stream().map(ytd -> new Allowance(ytd.first.park(),
            ytd.first.enterprise(), ytd.first.point(), ytd.first.pollutant(), AllowanceUse.of(year, ytd.usedKg,
                permits.tonnesPerYear(ytd.first.enterprise(), ytd.first.point(), ytd.first.pollutant()), yearStart,
                yearEnd, asOf))).toList();
        return new Report(asOf, rows, List.copyOf(invalid), allowances);
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
