package io.parkwatch.console.emissions;

import io.parkwatch.console.emissions.validity.Validity;
import io.parkwatch.console.emissions.validity.ValidityEngine;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the hourly rows of a series (as InfluxDB answers them: one series after another, in time
 * order) into daily rows, midnight to midnight in the query's zone. A day is valid by
 * {@link ValidityEngine#ofDay}; its mean is the mean of its valid hourly means (HJ 75-2017 averages
 * valid hours), or, for a day without a valid hour, of all its hourly means, shown and marked
 * invalid. Min, max and the counts cover every hour. A data logger's own daily value is judged by
 * its flag instead. At most one day is held at a time.
 */
final class DailyRollup {

    private final ZoneId zone;
    private final EmissionHistory.RowConsumer out;
    private final List<EmissionRow> hours = new ArrayList<>(24);
    private String series;
    private LocalDate day;

    DailyRollup(ZoneId zone, EmissionHistory.RowConsumer out) {
        this.zone = zone;
        this.out = out;
    }

    void accept(EmissionRow hour) throws IOException {
        LocalDate hourDay = OffsetDateTime.parse(hour.time()).atZoneSameInstant(zone).toLocalDate();
        String hourSeries = hour.park() + '|' + hour.enterprise() + '|' + hour.point() + '|' + hour.metric();
        if (!hourSeries.equals(series) || !hourDay.equals(day)) {
            finish();
            series = hourSeries;
            day = hourDay;
        }
        hours.add(hour);
    }

    /** Emits the day being collected, if any. */
    void finish() throws IOException {
        if (hours.isEmpty()) {
            return;
        }
        out.accept(day(hours, day, zone));
        hours.clear();
    }

    static EmissionRow day(List<EmissionRow> hours, LocalDate day, ZoneId zone) {
        EmissionRow first = hours.get(0);
        List<Validity> marks = hours.stream().map(EmissionRow::validity).toList();
        // A data logger's own daily value (HJ 212 CN 2031, "-day" metrics) is one value: its flags judge it.
        Validity validity = first.metric().endsWith("-day")
            ? ValidityEngine.ofWindow(first.pollutant().factor().medium(),
                hours.stream().mapToLong(EmissionRow::count).sum(), hours.stream().mapToLong(EmissionRow::goodCount).sum())
            : ValidityEngine.ofDay(first.pollutant().factor().medium(), marks);
        boolean anyValid = marks.stream().anyMatch(Validity::valid);
        double mean = hours.stream().filter(hour -> !anyValid || hour.validity().valid())
            .mapToDouble(EmissionRow::mean).average().orElse(Double.NaN);
        double min = hours.stream().mapToDouble(EmissionRow::min).min().orElse(Double.NaN);
        double max = hours.stream().mapToDouble(EmissionRow::max).max().orElse(Double.NaN);
        long count = hours.stream().mapToLong(EmissionRow::count).sum();
        long good = hours.stream().mapToLong(EmissionRow::goodCount).sum();
        String time = day.atStartOfDay(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return new EmissionRow(time, first.park(), first.enterprise(), first.point(), first.pollutant(),
            first.metric(), mean, min, max, count, good, first.limitInForce(), validity);
    }
}
