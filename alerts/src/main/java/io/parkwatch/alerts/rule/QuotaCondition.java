package io.parkwatch.alerts.rule;

import io.parkwatch.contracts.alert.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Consumption against a budget per calendar period (energy double control): levels at shares
 * of the budget (default 80/90/100 %) and, optionally, a level when the period's projected
 * total (consumption so far ÷ elapsed share of the period) would overrun it.
 *
 * @param zone      the zone whose calendar the periods follow; null: each park's own, from its
 *                  registry entry (a quota names one only to override it)
 * @param counter   readings are a cumulative meter (consumption = increase); else each reading is a consumption
 * @param levels    triggers in % of the budget
 * @param projected severity on a projected overrun, or null
 * @param perEnterprise the budget is the enterprise's: the consumption of all its matching meters is summed
 *                      (energy double control budgets enterprises, not meters)
 */
public record QuotaCondition(double budget, ChronoUnit period, ZoneId zone, boolean counter, List<Level> levels,
                             Severity projected, boolean perEnterprise) implements Condition {

    public QuotaCondition {
        Objects.requireNonNull(period, "period is required");
        levels = List.copyOf(levels);
        if (!(budget > 0)) {
            throw new IllegalArgumentException("a quota budget must be positive");
        }
        if (period != ChronoUnit.DAYS && period != ChronoUnit.MONTHS && period != ChronoUnit.YEARS) {
            throw new IllegalArgumentException("a quota period is day, month or year");
        }
    }

    /** The zone the periods follow for a park whose own zone is {@code parkZone}. */
    public ZoneId zoneFor(ZoneId parkZone) {
        return zone != null ? zone : parkZone;
    }

    /** The start of the period holding {@code at}, in the calendar of {@code zone} (see {@link #zoneFor}). */
    public Instant periodStart(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate start = switch (period) {
            case MONTHS -> day.withDayOfMonth(1);
            case YEARS -> day.withDayOfYear(1);
            default -> day;
        };
        return start.atStartOfDay(zone).toInstant();
    }

    public Instant periodEnd(Instant periodStart, ZoneId zone) {
        return ZonedDateTime.ofInstant(periodStart, zone).plus(1, period).toInstant();
    }

    /** The levels as a condition on the used share of the budget, in %. */
    public LevelCondition asShare() {
        return new LevelCondition(Direction.ABOVE, levels, null, null, null);
    }
}
