package io.parkwatch.console.emissions.totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.contracts.factor.FactorCatalog;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Totals against hand-computed values. Park zone Asia/Shanghai; the range is January and
 * February 2026 (park time), which is also the year to date, so as_of is 2026-03-01 00:00.
 *
 * <pre>
 * stack-01, SO2 (a21026, -Cou in kg):
 *   Jan 10 00:00..02:00  Cou 1.5, 2.0, 2.5 kg, flag N      -> cou, January: 6.0 kg, 3 valid hours
 *   Jan 10 03:00         Cou 4.0 kg, flag D (0 of 1 N)     -> invalid, 4.0 kg reported apart
 *   Feb  5 00:00  C 20 mg/m3 (120 of 120 N) x Q 50 m3/s   -> 20 x 50 x 3600 x 1e-6 = 3.6 kg
 *   Feb  5 01:00  C 30 mg/m3 (100 of 120 N) x Q 100 m3/s  -> 30 x 100 x 3600 x 1e-6 = 10.8 kg (100/120 >= 75 %)
 *   Feb  5 02:00  C 40 mg/m3 ( 80 of 120 N) x Q 100 m3/s  -> invalid TOO_FEW_NORMAL, 14.4 kg apart
 *   Feb  5 03:00  C 10 mg/m3, no flow                     -> invalid NO_FLOW, no mass
 *   Feb  6 00:00  Cou 1.0 kg and C x Q as well            -> cou wins: 1.0 kg
 *   February: flow×conc 3.6 + 10.8 = 14.4 kg (2 valid, 2 invalid, 14.4 kg apart); cou 1.0 kg
 * outfall-01, COD (w01018, mg/L) with waste-water flow (L/s):
 *   Feb  5 00:00  C 50 mg/L x Q 10 L/s -> 50 x 10 x 3600 x 1e-6 = 1.8 kg
 * Allowance of stack-01 SO2: 0.1 t/a = 100 kg.
 *   used = 6.0 + 14.4 + 1.0 = 21.4 kg; share = 21.4 / 100 = 0.214
 *   elapsed = 31 + 28 = 59 days of 365: projected = 21.4 x 365 / 59 = 132.3898... kg, share 1.323898...
 * </pre>
 */
class TotalsReportTest {

    private static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
    private static final Pollutant COD = Pollutant.lookup("w01018", FactorCatalog.hj212()).get(0);

    private static Instant at(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0).atZone(PARK).toInstant();
    }

    private static TotalsQuery query(TotalPeriod period) {
        return new TotalsQuery(Optional.empty(), Optional.empty(), Optional.empty(), List.of(Pollutant.SO2, COD),
            at(1, 1, 0), at(3, 1, 0), period, PARK);
    }

    private static void so2(TotalsReport report, Instant hour, Map<String, HourWindow> windows) {
        HourlyEmissions.of("xilinhot", "e001", "stack-01", Pollutant.SO2, hour, windows).ifPresent(report::accept);
    }

    private static TotalsReport.Report report(TotalPeriod period) {
        PermitAllowance permit = (park, enterprise, point, pollutant) -> point.equals("stack-01")
            ? Optional.of(new PermitAllowance.OutletAllowance("P1", "DA001", List.of("stack-01"), 0.1))
            : Optional.empty();
        TotalsReport report = new TotalsReport(query(period), Instant.parse("2026-06-01T00:00:00Z"), permit);
        double[] cou = {1.5, 2.0, 2.5};
        for (int h = 0; h < 3; h++) {
            so2(report, at(1, 10, h), Map.of("a21026-Cou-hour", new HourWindow(cou[h], 1, 1)));
        }
        so2(report, at(1, 10, 3), Map.of("a21026-Cou-hour", new HourWindow(4.0, 1, 0)));
        so2(report, at(2, 5, 0), Map.of("a21026-Rtd", new HourWindow(20, 120, 120),
            "a00000-Rtd", new HourWindow(50, 120, 120)));
        so2(report, at(2, 5, 1), Map.of("a21026-Rtd", new HourWindow(30, 120, 100),
            "a00000-Rtd", new HourWindow(100, 120, 120)));
        so2(report, at(2, 5, 2), Map.of("a21026-Rtd", new HourWindow(40, 120, 80),
            "a00000-Rtd", new HourWindow(100, 120, 120)));
        so2(report, at(2, 5, 3), Map.of("a21026-Rtd", new HourWindow(10, 120, 120)));
        so2(report, at(2, 6, 0), Map.of("a21026-Cou-hour", new HourWindow(1.0, 1, 1),
            "a21026-Rtd", new HourWindow(99, 120, 120), "a00000-Rtd", new HourWindow(99, 120, 120)));
        HourlyEmissions.of("xilinhot", "e004", "outfall-01", COD, at(2, 5, 0), Map.of(
            "w01018-Rtd", new HourWindow(50, 6, 6), "w00000-Rtd", new HourWindow(10, 6, 6))).ifPresent(report::accept);
        return report.finish();
    }

    @Test
    void monthlyTotalsPerMethodCountOnlyValidHoursAndKeepInvalidOnesApart() {
        List<TotalsReport.Row> rows = report(TotalPeriod.MONTH).rows();
        assertThat(rows).extracting(TotalsReport.Row::point, TotalsReport.Row::periodStart, TotalsReport.Row::method)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("stack-01", "2026-01-01T00:00:00+08:00", TotalMethod.COU),
                org.assertj.core.groups.Tuple.tuple("stack-01", "2026-02-01T00:00:00+08:00", TotalMethod.COU),
                org.assertj.core.groups.Tuple.tuple("stack-01", "2026-02-01T00:00:00+08:00", TotalMethod.FLOW_X_CONC),
                org.assertj.core.groups.Tuple.tuple("outfall-01", "2026-02-01T00:00:00+08:00",
                    TotalMethod.FLOW_X_CONC));
        TotalsReport.Row january = rows.get(0);
        assertThat(january.totalKg()).isCloseTo(6.0, within(1e-9));
        assertThat(january.validHours()).isEqualTo(3);
        assertThat(january.invalidHours()).isEqualTo(1);
        assertThat(january.invalidKg()).isCloseTo(4.0, within(1e-9));
        assertThat(january.invalidReasons()).containsExactly(Map.entry("TOO_FEW_NORMAL", 1L));
        assertThat(rows.get(1).totalKg()).isCloseTo(1.0, within(1e-9));
        TotalsReport.Row februaryFlow = rows.get(2);
        assertThat(februaryFlow.totalKg()).isCloseTo(14.4, within(1e-9));
        assertThat(februaryFlow.validHours()).isEqualTo(2);
        assertThat(februaryFlow.invalidHours()).isEqualTo(2);
        assertThat(februaryFlow.invalidKg()).isCloseTo(14.4, within(1e-9));
        assertThat(februaryFlow.invalidReasons()).containsOnly(Map.entry("NO_FLOW", 1L),
            Map.entry("TOO_FEW_NORMAL", 1L));
        assertThat(rows.get(3).totalKg()).isCloseTo(1.8, within(1e-9));
    }

    @Test
    void everyInvalidHourIsListedWithItsReason() {
        assertThat(report(TotalPeriod.MONTH).invalidHours()).extracting(hour -> hour.validity().reason())
            .containsExactly("TOO_FEW_NORMAL(0 of 1 values)", "TOO_FEW_NORMAL(80 of 120 values)", "NO_FLOW");
    }

    @Test
    void aYearlyTotalSumsBothMethodsRowsOfTheYear() {
        List<TotalsReport.Row> rows = report(TotalPeriod.YEAR).rows();
        List<TotalsReport.Row> stack = rows.stream().filter(row -> row.point().equals("stack-01")).toList();
        assertThat(stack).extracting(TotalsReport.Row::periodStart).containsOnly("2026-01-01T00:00:00+08:00");
        assertThat(stack).extracting(TotalsReport.Row::method).containsExactly(TotalMethod.COU, TotalMethod.FLOW_X_CONC);
        assertThat(stack.get(0).totalKg()).isCloseTo(7.0, within(1e-9));
        assertThat(stack.get(1).totalKg()).isCloseTo(14.4, within(1e-9));
    }

    @Test
    void theYearToDateIsComparedWithTheAllowanceAndProjectedInAStraightLine() {
        TotalsReport.Report report = report(TotalPeriod.DAY);
        assertThat(report.asOf()).isEqualTo(at(3, 1, 0));
        TotalsReport.Allowance stack = report.allowances().stream().filter(a -> a.point().equals("stack-01"))
            .findFirst().orElseThrow();
        AllowanceUse use = stack.use();
        assertThat(use.year()).isEqualTo(2026);
        assertThat(use.usedKg()).isCloseTo(21.4, within(1e-9));
        assertThat(use.allowanceKg().getAsDouble()).isEqualTo(100.0);
        assertThat(use.shareUsed().getAsDouble()).isCloseTo(0.214, within(1e-9));
        assertThat(use.projectedKg().getAsDouble()).isCloseTo(132.38983050847457, within(1e-9));
        assertThat(use.projectedShare().getAsDouble()).isCloseTo(1.3238983050847457, within(1e-9));
        assertThat(use.yearElapsedShare()).isCloseTo(59.0 / 365, within(1e-12));
        TotalsReport.Allowance outfall = report.allowances().stream().filter(a -> a.point().equals("outfall-01"))
            .findFirst().orElseThrow();
        assertThat(outfall.use().allowanceKg()).isEmpty();
        assertThat(outfall.use().shareUsed()).isEmpty();
        assertThat(outfall.use().projectedKg().getAsDouble()).isCloseTo(1.8 * 365 / 59, within(1e-9));
    }

    @Test
    void anOutletsPointsAreSummedAgainstTheOutletsAllowance() {
        // stack-02 and stack-03 are one permitted outlet, DA002, 0.01 t/a = 10 kg: 2.0 + 3.0 = 5.0 kg, half of it.
        PermitAllowance permit = (park, enterprise, point, pollutant) -> Optional.of(
            new PermitAllowance.OutletAllowance("P1", "DA002", List.of("stack-02", "stack-03"), 0.01));
        TotalsReport report = new TotalsReport(query(TotalPeriod.MONTH), Instant.parse("2026-06-01T00:00:00Z"), permit);
        HourlyEmissions.of("xilinhot", "e001", "stack-02", Pollutant.SO2, at(1, 10, 0),
            Map.of("a21026-Cou-hour", new HourWindow(2.0, 1, 1))).ifPresent(report::accept);
        HourlyEmissions.of("xilinhot", "e001", "stack-03", Pollutant.SO2, at(1, 10, 0),
            Map.of("a21026-Cou-hour", new HourWindow(3.0, 1, 1))).ifPresent(report::accept);
        TotalsReport.Report done = report.finish();
        assertThat(done.rows()).hasSize(2);
        assertThat(done.allowances()).singleElement().satisfies(outlet -> {
            assertThat(outlet.outlet()).isEqualTo("DA002");
            assertThat(outlet.point()).isNull();
            assertThat(outlet.points()).containsExactly("stack-02", "stack-03");
            assertThat(outlet.use().usedKg()).isCloseTo(5.0, within(1e-9));
            assertThat(outlet.use().shareUsed().getAsDouble()).isCloseTo(0.5, within(1e-9));
        });
    }

    @Test
    void aPollutantThePointDoesNotEmitGivesNoHourEvenWithFlowPresent() {
        assertThat(HourlyEmissions.of("xilinhot", "e001", "stack-01", Pollutant.NOX, at(2, 5, 0),
            Map.of("a00000-Rtd", new HourWindow(50, 120, 120), "a21026-Rtd", new HourWindow(20, 120, 120))))
            .isEmpty();
    }

    @Test
    void couInGramsAndConcentrationsInMicrogramsAreScaledToKilograms() {
        assertThat(MassConversion.couKg(500, "g").getAsDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(MassConversion.couKg(500, "m3")).isEmpty();
        // 2 ug/L x 10 L/s x 3600 s = 72,000 ug = 0.072 g = 7.2e-5 kg
        assertThat(MassConversion.hourKg(2, "ug/L", 10).getAsDouble()).isCloseTo(7.2e-5, within(1e-15));
        assertThat(MassConversion.hourKg(7, "1", 10)).isEmpty();
    }
}
