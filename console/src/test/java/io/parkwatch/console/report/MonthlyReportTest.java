package io.parkwatch.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.emissions.totals.HourWindow;
import io.parkwatch.console.emissions.totals.HourlyEmissionSource;
import io.parkwatch.console.emissions.totals.HourlyEmissions;
import io.parkwatch.console.park.ParkDirectory;
import io.parkwatch.console.permits.PermitDirectory;
import io.parkwatch.console.permits.PermitOutletAllowance;
import io.parkwatch.contracts.permit.PermitRecord;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The report's assembly against figures computed by hand; clock fixed at 2026-12-05, so November
 * 2026 (Asia/Shanghai, 720 h) is whole. Permit of otog/c05: DA001 = stack-01, SO2 200 mg/m3 at
 * 10 % O2 hourly, 400 t/a; DA002 = stack-02 + stack-03, particulate 20 000 ug/m3 = 20 mg/m3 daily.
 * stack-09 is a registry stack no permit outlet names.
 *
 * <pre>
 * stack-01, SO2, November (park time):
 *   Nov 2 01:00  Rtd 100 (60 of 60 N), O2 10.5, Cou 2.0 kg -> 100 x 11 / 10.5 = 104.8  valid, under
 *   Nov 2 02:00  Rtd 150 (60 of 60 N), O2 15.75            -> 150 x 11 / 5.25 = 314.3  valid, OVER
 *   Nov 2 03:00  ZsAvg-hour 250 (1 of 1 N), Rtd 50         -> the logger's 250 at 10 %  valid, OVER
 *   Nov 2 04:00  Rtd 300 (30 of 60 N)                      -> 50 % normal < 75 %       INVALID TOO_FEW_NORMAL
 *   Nov 2 05:00  Rtd 100 (60 of 60 N), no O2               -> valid, not judged NO_OXYGEN
 *   hours with a value 5, valid 4, invalid 1, exceedance hours 2, unjudged 1
 *   completeness 5 / 720, valid share 4 / 720
 *   mass: 01:00 Cou 2.0 kg (cou); 02:00..05:00 no flow -> 4 invalid hours (NO_FLOW); total 2.0 kg
 *   year to date as of Dec 1 00:00 +08: 2.0 kg of 400 000 kg -> share 5e-6;
 *   projected 2.0 x 365 / 334 = 2.18563 kg (334 days from Jan 1 to Dec 1)
 * stack-02, particulate (daily limit 20 mg/m3):
 *   Nov 3: 20 hours of 25 (all N)  -> day valid (20 of 20 h), mean 25 > 20  -> exceedance day
 *   Nov 4: 19 hours of 30 (all N)  -> day invalid TOO_FEW_HOURS(19 of 20 h) -> not judged
 *   hours with a value 39, valid 39, exceedance days 1, exceedance hours not counted (daily limit)
 * stack-09 (no permit outlet), Rtd of SO2, O2 and flow for one hour -> pollutants listed: SO2 only
 * </pre>
 */
class MonthlyReportTest {

    private static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");
    private static final MonthlyQuery NOVEMBER = new MonthlyQuery("otog", "c05", YearMonth.of(2026, 11), PARK, false);
    private static final String PERMIT = """
        version: 1
        permit: 91150624XXXXXXXXX5001P
        park: otog
        enterprise: c05
        outlets:
          - id: DA001
            medium: air
            points: [stack-01]
            pollutants:
              - {pollutant: a21026, limit: 200, unit: mg/m3, oxygen: 10, period: hour, annualTonnes: 400}
          - id: DA002
            medium: air
            points: [stack-02, stack-03]
            pollutants:
              - {pollutant: a34013, limit: 20000, unit: ug/m3, period: day}
        """;

    private final ParkDirectory registry = new ParkDirectory();
    private final PermitDirectory permits = new PermitDirectory();
    private final MonthWindows windows = new MonthWindows();

    private static Instant at(int day, int hour) {
        return LocalDateTime.of(2026, 11, day, hour, 0).atZone(PARK).toInstant();
    }

    private void stack(String id) {
        PointEntry point = new PointEntry("otog", "c05", id, Module.ENVIRONMENT, "cems-stack", Duration.ofMinutes(1),
            null, null);
        registry.apply(RegistryKeys.point(point.pointKey()), RegistryRecord.of(point));
    }

    private MonthlyReport report(boolean withPermit) throws Exception {
        registry.apply(RegistryKeys.enterprise("otog", "c05"), RegistryRecord.of(new EnterpriseEntry("otog", "c05",
            "水泥厂", Set.of())));
        List.of("stack-01", "stack-02", "stack-09").forEach(this::stack);
        if (withPermit) {
            permits.apply("otog/c05", new PermitRecord("otog", "c05", "91150624XXXXXXXXX5001P", PERMIT, "c05.yaml",
                Instant.parse("2026-01-01T00:00:00Z")));
        }
        w("stack-01", at(2, 1), Map.of("a21026-Rtd", win(100, 60, 60), "a19001-Rtd", win(10.5, 60, 60),
            "a21026-Cou-hour", win(2.0, 1, 1)));
        w("stack-01", at(2, 2), Map.of("a21026-Rtd", win(150, 60, 60), "a19001-Rtd", win(15.75, 60, 60)));
        w("stack-01", at(2, 3), Map.of("a21026-ZsAvg-hour", win(250, 1, 1), "a21026-Rtd", win(50, 60, 60)));
        w("stack-01", at(2, 4), Map.of("a21026-Rtd", win(300, 60, 30)));
        w("stack-01", at(2, 5), Map.of("a21026-Rtd", win(100, 60, 60)));
        for (int h = 0; h < 20; h++) {
            w("stack-02", at(3, h), Map.of("a34013-Rtd", win(25, 60, 60)));
        }
        for (int h = 0; h < 19; h++) {
            w("stack-02", at(4, h), Map.of("a34013-Rtd", win(30, 60, 60)));
        }
        w("stack-09", at(2, 1), Map.of("a21026-Rtd", win(20, 60, 60), "a19001-Rtd", win(9, 60, 60),
            "a00000-Rtd", win(40, 60, 60)));
        HourlyEmissionSource hours = (query, from, to, out) -> {
            for (String point : List.of("stack-01", "stack-02", "stack-09")) {
                for (Pollutant pollutant : query.pollutants()) {
                    windows.hoursOf(point).forEach((hour, metrics) -> HourlyEmissions.of("otog", "c05", point,
                        pollutant, hour, metrics).ifPresent(out));
                }
            }
        };
        MonthlyReportHandler.Sources sources = new MonthlyReportHandler.Sources(registry, permits, query -> windows,
            hours, new PermitOutletAllowance(permits));
        return MonthlyReports.build(NOVEMBER, NOW, registry.enterprise("otog", "c05"),
            permits.permit("otog", "c05"), sources);
    }

    private void w(String point, Instant hour, Map<String, HourWindow> metrics) {
        metrics.forEach((metric, window) -> windows.add(point, hour, metric, window));
    }

    private static HourWindow win(double mean, long count, long good) {
        return new HourWindow(mean, count, good);
    }

    @Test
    void anHourlyLimitAtTheReferenceOxygenCountsExceedanceHoursOfValidHoursOnly() throws Exception {
        MonthlyReport report = report(true);
        assertThat(report.hoursInMonth()).isEqualTo(720);
        assertThat(report.hoursCounted()).isEqualTo(720);
        assertThat(report.permit()).contains("91150624XXXXXXXXX5001P");
        MonthlyReport.OutletMonth da001 = report.outlets().get(0);
        assertThat(da001.outlet()).isEqualTo("DA001");
        PollutantMonth.Tally so2 = da001.points().get(0).pollutants().get(0);
        assertThat(so2.hoursWithValue()).isEqualTo(5);
        assertThat(so2.validHours()).isEqualTo(4);
        assertThat(so2.invalidHours()).isEqualTo(1);
        assertThat(so2.invalidReasons()).containsExactly(Map.entry("TOO_FEW_NORMAL", 1L));
        assertThat(so2.exceedanceHours()).isEqualTo(2);
        assertThat(so2.exceedanceDays()).isNull();
        assertThat(so2.unjudgedReasons()).containsExactly(Map.entry("NO_OXYGEN", 1L));
        Map<String, Object> json = MonthlyJson.tally(so2, report.hoursCounted());
        assertThat((Double) json.get("completeness")).isCloseTo(5.0 / 720, within(1e-12));
        assertThat((Double) json.get("valid_share")).isCloseTo(4.0 / 720, within(1e-12));
    }

    @Test
    void theOutletsMassAndYearToDateStandAgainstItsAnnualAllowance() throws Exception {
        MonthlyReport.OutletTotal total = report(true).outlets().get(0).totals().get(0);
        assertThat(total.totalKg()).isCloseTo(2.0, within(1e-12));
        assertThat(total.byMethod()).containsExactly(Map.entry("cou", 2.0));
        assertThat(total.invalidHours()).isEqualTo(4);
        var use = total.yearToDate().orElseThrow().use();
        assertThat(use.usedKg()).isCloseTo(2.0, within(1e-12));
        assertThat(use.allowanceKg().getAsDouble()).isEqualTo(400_000.0);
        assertThat(use.shareUsed().getAsDouble()).isCloseTo(5e-6, within(1e-15));
        assertThat(use.projectedKg().getAsDouble()).isCloseTo(2.0 * 365 / 334, within(1e-9));
    }

    @Test
    void anOutletWithAnAllowanceAndNoHourThisYearHasAllOfItLeft() throws Exception {
        report(true);
        // The same registry and permit, no hour read at all: DA001's 400 t stand, none of it used.
        MonthlyQuery october = new MonthlyQuery("otog", "c05", YearMonth.of(2026, 10), PARK, false);
        MonthlyReport.OutletTotal total = MonthlyReports.build(october, NOW, registry.enterprise("otog", "c05"),
            permits.permit("otog", "c05"), new MonthlyReportHandler.Sources(registry, permits, query -> new MonthWindows(),
                (query, from, to, out) -> { }, new PermitOutletAllowance(permits))).outlets().get(0).totals().get(0);
        assertThat(total.totalKg()).isZero();
        assertThat(total.yearToDate().orElseThrow().use().allowanceKg().getAsDouble()).isEqualTo(400_000.0);
        assertThat(total.yearToDate().orElseThrow().use().shareUsed().getAsDouble()).isZero();
    }

    @Test
    void aDailyLimitCountsValidDaysWhoseMeanIsAboveIt() throws Exception {
        MonthlyReport.OutletMonth da002 = report(true).outlets().get(1);
        assertThat(da002.points()).extracting(MonthlyReport.PointMonth::point).containsExactly("stack-02", "stack-03");
        PollutantMonth.Tally particulate = da002.points().get(0).pollutants().get(0);
        assertThat(particulate.limit().orElseThrow().value()).isCloseTo(20.0, within(1e-9));
        assertThat(particulate.hoursWithValue()).isEqualTo(39);
        assertThat(particulate.exceedanceDays()).isEqualTo(1);
        assertThat(particulate.exceedanceHours()).isNull();
        assertThat(da002.points().get(1).pollutants().get(0).hoursWithValue()).isZero();
        // The permit sets no annual total of particulate at DA002.
        assertThat(da002.totals().get(0).yearToDate()).isEmpty();
    }

    @Test
    void aRegistryStackNoPermitNamesIsListedWithThePollutantsItSent() throws Exception {
        MonthlyReport.OutletMonth stack09 = report(true).outlets().get(2);
        assertThat(stack09.outlet()).isNull();
        assertThat(stack09.points().get(0).pollutants()).extracting(t -> t.pollutant().code())
            .containsExactly("a21026");
        assertThat(stack09.points().get(0).pollutants().get(0).exceedanceHours()).isNull();
    }

    @Test
    void withoutAPermitEveryStackIsListedAndThePermitPartsSaySo() throws Exception {
        MonthlyReport report = report(false);
        assertThat(report.permit()).isEmpty();
        assertThat(report.outlets()).extracting(o -> o.points().get(0).point())
            .containsExactly("stack-01", "stack-02", "stack-09");
        PollutantMonth.Tally so2 = report.outlets().get(0).points().get(0).pollutants().get(0);
        assertThat(so2.validHours()).isEqualTo(4);
        assertThat(so2.limit()).isEmpty();
        assertThat(MonthlyJson.body(report)).containsEntry("permit_status", "no permit loaded");
        assertThat(MonthlyJson.total(report.outlets().get(0).totals().get(0), false))
            .containsEntry("year_to_date", "no permit loaded");
        assertThat(MonthlyCsv.of(report).split("\r\n")[1]).startsWith("otog,c05,2026-11,no permit loaded,,air,stack-01,");
    }

    @Test
    void theMonthRunsMidnightToMidnightInTheParksZone() {
        assertThat(NOVEMBER.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(NOVEMBER.to()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(MonthlyAssembly.hoursCounted(NOVEMBER, Instant.parse("2026-11-02T16:30:00Z"))).isEqualTo(48);
    }
}
