package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DailyRollupTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-11-02 00:00 in Shanghai. */
    private static final Instant DAY = Instant.parse("2026-11-01T16:00:00Z");

    private static EmissionRow hour(String point, int h, double mean, long count, long good) {
        return new EmissionRow(DAY.plusSeconds(h * 3600L).atZone(SHANGHAI).toOffsetDateTime().toString(), "xilinhot",
            "e001", point, Pollutant.SO2, "a21026-Rtd", mean, mean - 1, mean + 1, count, good, OptionalDouble.of(35));
    }

    private static List<EmissionRow> roll(List<EmissionRow> hours) throws Exception {
        List<EmissionRow> days = new ArrayList<>();
        DailyRollup rollup = new DailyRollup(SHANGHAI, days::add);
        for (EmissionRow hour : hours) {
            rollup.accept(hour);
        }
        rollup.finish();
        return days;
    }

    @Test
    void aDayWith20ValidHoursIsValidAndAveragesOnlyItsValidHours() throws Exception {
        List<EmissionRow> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            // Hours 20..23 are calibration (no normal values) at 90 mg/m3; the valid ones run at 30.
            hours.add(h < 20 ? hour("stack-01", h, 30, 60, 60) : hour("stack-01", h, 90, 60, 0));
        }
        List<EmissionRow> days = roll(hours);
        assertThat(days).hasSize(1);
        EmissionRow day = days.get(0);
        assertThat(day.time()).isEqualTo("2026-11-02T00:00:00+08:00");
        assertThat(day.validity().valid()).isTrue();
        assertThat(day.mean()).isEqualTo(30.0);
        assertThat(day.max()).isEqualTo(91.0);
        assertThat(day.count()).isEqualTo(24 * 60);
        assertThat(day.goodCount()).isEqualTo(20 * 60);
        assertThat(day.exceeded()).isFalse();
    }

    @Test
    void aDayShortOfValidHoursIsShownInvalidAndNeverJudged() throws Exception {
        List<EmissionRow> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h < 19 ? hour("stack-01", h, 50, 60, 60) : hour("stack-01", h, 50, 60, 10));
        }
        EmissionRow day = roll(hours).get(0);
        assertThat(day.validity().reason()).isEqualTo("TOO_FEW_HOURS(19 of 20 h)");
        assertThat(day.mean()).isEqualTo(50.0);
        assertThat(day.judged()).isFalse();
        assertThat(day.exceeded()).isFalse();
    }

    @Test
    void eachSeriesAndEachParkDayIsItsOwnRow() throws Exception {
        List<EmissionRow> days = roll(List.of(hour("stack-01", 0, 1, 1, 1), hour("stack-01", 23, 1, 1, 1),
            hour("stack-01", 24, 1, 1, 1), hour("stack-02", 24, 1, 1, 1)));
        assertThat(days).extracting(EmissionRow::point, EmissionRow::time).containsExactly(
            org.assertj.core.groups.Tuple.tuple("stack-01", "2026-11-02T00:00:00+08:00"),
            org.assertj.core.groups.Tuple.tuple("stack-01", "2026-11-03T00:00:00+08:00"),
            org.assertj.core.groups.Tuple.tuple("stack-02", "2026-11-03T00:00:00+08:00"));
    }
}
