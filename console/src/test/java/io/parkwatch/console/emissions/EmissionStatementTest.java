package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.factor.FactorCatalog;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmissionStatementTest {

    private static EmissionQuery query(Interval interval) {
        return query(interval, Pollutant.SO2);
    }

    private static EmissionQuery query(Interval interval, Pollutant pollutant) {
        return new EmissionQuery(Optional.empty(), Optional.of("e001"), Optional.of("stack-01"),
            List.of(pollutant), Instant.parse("2026-11-01T16:00:00Z"), Instant.parse("2026-11-03T16:00:00Z"),
            interval, false, ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void rawRowsComeFromReadingsWithTheirQuality() {
        assertThat(EmissionStatement.of(query(Interval.RAW))).isEqualTo(
            "SELECT \"value\", \"quality\" FROM \"reading\" WHERE \"enterprise\" = 'e001' AND \"point\" = 'stack-01'"
                + " AND (\"metric\" = 'a21026' OR \"metric\" = 'a21026-Rtd' OR \"metric\" = 'a21026-Avg-minute'"
                + " OR \"metric\" = 'a21026-Avg-hour' OR \"metric\" = 'a21026-Avg-day' OR \"metric\" = 'a21026-ZsRtd'"
                + " OR \"metric\" = 'a21026-ZsAvg-minute' OR \"metric\" = 'a21026-ZsAvg-hour'"
                + " OR \"metric\" = 'a21026-ZsAvg-day')"
                + " AND time >= '2026-11-01T16:00:00Z' AND time < '2026-11-03T16:00:00Z'"
                + " GROUP BY \"park\", \"enterprise\", \"point\", \"metric\"");
    }

    @Test
    void aWaterFactorSelectsTheMetricsOfItsCode() {
        Pollutant cod = Pollutant.lookup("w01018", FactorCatalog.hj212()).get(0);
        assertThat(EmissionStatement.of(query(Interval.HOUR, cod))).isEqualTo(
            "SELECT \"mean\", \"min\", \"max\", \"count\", \"good_count\" FROM \"agg_1h\".\"aggregate\""
                + " WHERE \"window\" = '1h' AND \"enterprise\" = 'e001' AND \"point\" = 'stack-01'"
                + " AND (\"metric\" = 'w01018' OR \"metric\" = 'w01018-Rtd' OR \"metric\" = 'w01018-Avg-minute'"
                + " OR \"metric\" = 'w01018-Avg-hour' OR \"metric\" = 'w01018-Avg-day' OR \"metric\" = 'w01018-ZsRtd'"
                + " OR \"metric\" = 'w01018-ZsAvg-minute' OR \"metric\" = 'w01018-ZsAvg-hour'"
                + " OR \"metric\" = 'w01018-ZsAvg-day')"
                + " AND time >= '2026-11-01T16:00:00Z' AND time < '2026-11-03T16:00:00Z'"
                + " GROUP BY \"park\", \"enterprise\", \"point\", \"metric\"");
    }

    @Test
    void hourlyRowsComeFromTheHourlyRetentionPolicy() {
        assertThat(EmissionStatement.of(query(Interval.HOUR)))
            .startsWith("SELECT \"mean\", \"min\", \"max\", \"count\", \"good_count\" FROM \"agg_1h\".\"aggregate\"")
            .contains("WHERE \"window\" = '1h' AND \"enterprise\" = 'e001'");
        assertThat(EmissionStatement.of(query(Interval.MINUTE))).contains("FROM \"agg_1m\".\"aggregate\"")
            .contains("\"window\" = '1m'");
    }

    @Test
    void daysAreReadAsHourlyDataStampedInTheParkTimeZone() {
        assertThat(EmissionStatement.of(query(Interval.DAY)))
            .startsWith("SELECT \"mean\", \"min\", \"max\", \"count\", \"good_count\" FROM \"agg_1h\".\"aggregate\"")
            .contains("\"window\" = '1h'")
            .endsWith("GROUP BY \"park\", \"enterprise\", \"point\", \"metric\" tz('Asia/Shanghai')");
    }
}
