package io.parkwatch.console.emissions.totals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The periods totals are summed over, calendar-aligned in the park's zone. */
public enum TotalPeriod {
    DAY("day"),
    MONTH("month"),
    YEAR("year");

    private final String text;

    TotalPeriod(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The start of the period that holds {@code time}. */
    public ZonedDateTime start(ZonedDateTime time) {
        LocalDate date = time.toLocalDate();
        LocalDate first = switch (this) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
        return first.atStartOfDay(time.getZone());
    }

    /** The start of the year that holds {@code time} in {@code zone}. */
    public static ZonedDateTime yearStart(java.time.Instant time, ZoneId zone) {
        return YEAR.start(time.atZone(zone));
    }

    public static Optional<TotalPeriod> parse(String text) {
        return Arrays.stream(values()).filter(period -> period.text.equals(text)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(TotalPeriod::text).toList();
    }
}
