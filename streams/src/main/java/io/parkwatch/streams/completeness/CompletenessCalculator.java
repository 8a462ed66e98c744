package io.parkwatch.streams.completeness;

import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.PointEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.BitSet;

/**
 * Daily completeness of one point (docs/standards/plan-targets.md: energy monitoring, HJ 212): slots
 * received ÷ slots expected so far, and for HJ 212 flue-gas kinds the share of ended hours that
 * are valid, an hour being valid when at least 75 % of its expected values arrived normal. An
 * hour counts missing values against it: the rule is about the hourly value being trustworthy,
 * and an hour with few values is not.
 */
public final class CompletenessCalculator {

    private final CompletenessRules config;

    public CompletenessCalculator(CompletenessRules config) {
        this.config = config;
    }

    /** The row of {@code point} for {@code day} of {@code zone}; {@code tally} null when nothing arrived. */
    public CompletenessRow pointRow(PointEntry point, EnterpriseEntry enterprise, DayTally tally, LocalDate day,
                                    ZoneId zone, Instant now) {
        long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long upTo = Math.min(end, now.toEpochMilli());
        long interval = tally != null ? tally.intervalMillis()
            : DayTally.empty(point.pointKey(), point.park(), day, point.expectedInterval()).intervalMillis();
        // Only ended slots are expected, and only those are counted, so a day in progress is fair.
        int expected = upTo <= start ? 0 : (int) ((upTo - start) / interval);
        BitSet received = tally == null ? new BitSet() : tally.receivedSlots().get(0, expected);
        BitSet normal = tally == null ? new BitSet() : tally.normalSlots().get(0, expected);
        int rated = 0;
        int valid = 0;
        boolean hourly = hourlyRuleApplies(point, interval);
        if (hourly) {
            for (long hour = start; hour + Duration.ofHours(1).toMillis() <= upTo; hour += Duration.ofHours(1).toMillis()) {
                rated++;
                int from = (int) ceilDiv(hour - start, interval);
                int to = (int) ceilDiv(hour + Duration.ofHours(1).toMillis() - start, interval);
                int normalInHour = normal.get(from, to).cardinality();
                if (to > from && normalInHour >= config.validHourNormalShare() * (to - from)) {
                    valid++;
                }
            }
        }
        Double ratioTarget = isKeyEnergyMeter(point, enterprise) ? config.energyMeterTarget() : null;
        Double hourTarget = hourly ? config.validHourTarget() : null;
        CompletenessRow row = new CompletenessRow(CompletenessRow.POINT, point.park(), point.enterprise(), point.id(),
            day, Instant.ofEpochMilli(start), expected, received.cardinality(), normal.cardinality(), rated, valid,
            ratioTarget, hourTarget, 1, 0, now);
        return row.compliant() ? withCompliant(row) : row;
    }

    private boolean hourlyRuleApplies(PointEntry point, long intervalMillis) {
        return config.hourlyRuleKinds().contains(point.kind()) && intervalMillis <= Duration.ofHours(1).toMillis();
    }

    private boolean isKeyEnergyMeter(PointEntry point, EnterpriseEntry enterprise) {
        return config.isEnergyMeter(point.kind())
            && enterprise != null && enterprise.classes().contains(EnterpriseClass.KEY_ENERGY_USER);
    }

    private static CompletenessRow withCompliant(CompletenessRow row) {
        return new CompletenessRow(row.level(), row.park(), row.enterprise(), row.point(), row.day(), row.dayStart(),
            row.expected(),
            row.received(), row.normal(), row.ratedHours(), row.validHours(), row.ratioTarget(),
            row.validHourTarget(), 1, 1, row.computedAt());
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
