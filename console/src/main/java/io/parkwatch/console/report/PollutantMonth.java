package io.parkwatch.console.report;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.emissions.totals.HourWindow;
import io.parkwatch.console.emissions.validity.Validity;
import io.parkwatch.console.emissions.validity.ValidityEngine;
import io.parkwatch.contracts.permit.AveragingPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One point's month of one pollutant, hour by hour: hours with a value, valid and invalid hours
 * (HJ 75-2017 / HJ 212 rules of {@link ValidityEngine}), and against the permit's limit the
 * exceedance hours (an hourly limit: valid hours whose value is above it) or exceedance days (a
 * daily limit: valid days of the park whose mean of valid hours is above it). An invalid hour is
 * never judged; a valid hour that cannot be put on the limit's basis (no O₂ to convert it) is
 * counted apart as not judged, with its reason.
 */
public final class PollutantMonth {

    /** What the month comes to. {@code exceedanceHours} / {@code exceedanceDays}: null when not on the limit's period. */
    public record Tally(Pollutant pollutant, Optional<ReportLimit> limit, long hoursWithValue, long validHours,
                 long invalidHours, Map<String, Long> invalidReasons, Long exceedanceHours, Long exceedanceDays,
                 long unjudgedHours, Map<String, Long> unjudgedReasons) {
    }

    private final Pollutant pollutant;
    private final Optional<ReportLimit> limit;
    private final ZoneId zone;
    private final Map<String, Long> invalidReasons = new TreeMap<>();
    private final Map<String, Long> unjudgedReasons = new TreeMap<>();
    private final Map<LocalDate, Day> days = new TreeMap<>();
    private long hoursWithValue;
    private long validHours;
    private long exceedanceHours;

    PollutantMonth(Pollutant pollutant, Optional<ReportLimit> limit, ZoneId zone) {
        this.pollutant = pollutant;
        this.limit = limit;
        this.zone = zone;
    }

    void hour(Instant hour, Map<String, HourWindow> windows) {
        boolean referenceFirst = limit.map(l -> l.referenceOxygen() != null).orElse(false);
        Optional<HourValue> found = HourValue.of(pollutant, windows, referenceFirst);
        if (found.isEmpty()) {
            return;
        }
        HourValue value = found.get();
        hoursWithValue++;
        Validity validity = ValidityEngine.ofWindow(pollutant.factor().medium(), value.window().count(),
            value.window().goodCount());
        Day day = days.computeIfAbsent(hour.atZone(zone).toLocalDate(), d -> new Day());
        day.marks.add(validity);
        if (!validity.valid()) {
            invalidReasons.merge(validity.reasonCode(), 1L, Long::sum);
            return;
        }
        validHours++;
        if (limit.isEmpty()) {
            return;
        }
        Optional<Double> judged = value.onBasis(limit.get().referenceOxygen(), windows);
        if (judged.isEmpty()) {
            unjudgedReasons.merge(value.atReference() ? "NOT_MEASURED_BASIS" : "NO_OXYGEN", 1L, Long::sum);
            return;
        }
        day.values.add(judged.get());
        if (judged.get() > limit.get().value()) {
            exceedanceHours++;
        }
    }

    Tally finish() {
        Long hours = null;
        Long overDays = null;
        if (limit.isPresent() && limit.get().period() == AveragingPeriod.HOUR) {
            hours = exceedanceHours;
        } else if (limit.isPresent()) {
            long count = 0;
            for (Day day : days.values()) {
                if (ValidityEngine.ofDay(pollutant.factor().medium(), day.marks).valid() && !day.values.isEmpty()
                    && day.values.stream().mapToDouble(Double::doubleValue).average().orElseThrow()
                        > limit.get().value()) {
                    count++;
                }
            }
            overDays = count;
        }
        return new Tally(pollutant, limit, hoursWithValue, validHours, hoursWithValue - validHours,
            Collections.unmodifiableMap(new TreeMap<>(invalidReasons)), hours, overDays, unjudgedReasons.values().stream().mapToLong(Long::longValue)
                .sum(), Collections.unmodifiableMap(new TreeMap<>(unjudgedReasons)));
    }

    private static final class Day {
        private final List<Validity> marks = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();
    }
}
