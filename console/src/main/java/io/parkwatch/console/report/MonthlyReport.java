package io.parkwatch.console.report;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.emissions.totals.TotalsReport;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One enterprise's month: its outlets (the permit's, then registry points no permit outlet names),
 * each point's pollutants hour by hour, and each outlet's mass against its annual allowance.
 *
 * @param hoursInMonth the month's hours in the park's zone (a DST month has one more or less)
 * @param hoursCounted the hours of the month up to {@code asOf}: the denominator of completeness
 * @param permit       the permit number, empty when no permit is loaded for the enterprise
 */
public record MonthlyReport(String park, String enterprise, String enterpriseName, YearMonth month, ZoneId zone,
                            Instant from, Instant to, Instant asOf, long hoursInMonth, long hoursCounted,
                            Optional<String> permit, List<OutletMonth> outlets) {

    public static final String NO_PERMIT = "no permit loaded";

    /**
     * An outlet: a permitted one ({@code outlet} its permit id) or a registry point that no
     * permit outlet names ({@code outlet} null, one point).
     */
    public record OutletMonth(String outlet, String name, String medium, List<PointMonth> points,
                              List<OutletTotal> totals) {

        public boolean permitted() {
            return outlet != null;
        }
    }

    public record PointMonth(String point, List<PollutantMonth.Tally> pollutants) {
    }

    /**
     * An outlet's mass of one pollutant in the month, its points summed: valid hours only, per method
     * ({@code cou}, {@code flow×conc}); the hours whose mass is invalid apart; the year to date as of
     * the month's end (or now) against the allowance, empty when the permit sets no annual total.
     */
    public record OutletTotal(Pollutant pollutant, double totalKg, Map<String, Double> byMethod, long invalidHours,
                              Optional<TotalsReport.Allowance> yearToDate) {
    }
}
