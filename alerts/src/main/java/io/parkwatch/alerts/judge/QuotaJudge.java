package io.parkwatch.alerts.judge;

import io.parkwatch.alerts.rule.QuotaCondition;
import io.parkwatch.alerts.state.Assessment;
import io.parkwatch.alerts.state.RuleState;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Reading;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Keeps a point's consumption in the current period in the rule's memory and judges it against
 * the quota. A new period starts from zero, which clears the previous period's alert.
 */
final class QuotaJudge {

    private static final String USED = "quota.used";
    private static final String METER = "quota.meter";

    private QuotaJudge() {
    }

    static ReadingJudge.Judgement judge(QuotaCondition quota, Reading reading, RuleState state,
                                        Function<String, ZoneId> parkZones) {
        if (reading.value() == null || !reading.quality().isGood()) {
            return new ReadingJudge.Judgement(state, null);
        }
        Instant at = reading.observedAt();
        ZoneId zone = quota.zoneFor(parkZones.apply(reading.park()));
        Instant periodStart = quota.periodStart(at, zone);
        Map<String, RuleState.LastValue> memory = new HashMap<>(state.lastValues());
        RuleState.LastValue used = memory.get(USED);
        // An enterprise's meters come interleaved: one meter's reading may be older than another's.
        String meterKey = quota.perEnterprise() ? METER + ':' + reading.pointKey() : METER;
        RuleState.LastValue meter = memory.get(meterKey);
        if (used != null && periodStart.isBefore(used.at()) || meter != null && at.isBefore(meter.at())) {
            // A period already closed, or older than this meter's last reading: nothing to add.
            return new ReadingJudge.Judgement(state, null);
        }
        double consumed = used == null || used.at().isBefore(periodStart) ? 0 : used.value();
        if (quota.counter()) {
            // The increase since the previous meter reading; a meter that went back was replaced.
            consumed += meter == null || reading.value() < meter.value() ? 0 : reading.value() - meter.value();
            memory.put(meterKey, new RuleState.LastValue(reading.value(), at));
        } else {
            consumed += reading.value();
        }
        memory.put(USED, new RuleState.LastValue(consumed, periodStart));
        RuleState next = state.withLastValues(memory);

        double share = consumed * 100 / quota.budget();
        Severity current = state.open() == null ? null : state.open().severity();
        boolean newPeriod = used != null && used.at().isBefore(periodStart);
        Severity level = LevelJudge.level(quota.asShare(), share, newPeriod ? null : current);
        double elapsed = elapsedShare(quota, periodStart, at, zone);
        double projectedShare = share / elapsed;
        Map<Severity, Double> limits = Assessment.triggers(quota.asShare());
        if (quota.projected() != null && projectedShare > 100
            && (level == null || quota.projected().compareTo(level) > 0)) {
            level = quota.projected();
            // The limit in force is the share the elapsed part of the period allows (on pace).
            limits.put(level, elapsed * 100);
        }
        String detail = String.format(Locale.ROOT, "%s used %s %s of %s (%.1f %%) since %s, projected %.0f %%",
            quota.perEnterprise() ? reading.enterprise() + " " + reading.metric() : reading.metric(), ReadingJudge.format(consumed), reading.unit(), ReadingJudge.format(quota.budget()),
            share, periodStart, projectedShare);
        return new ReadingJudge.Judgement(next, new Assessment(level, share, detail, reading.metric(), limits));
    }

    private static double elapsedShare(QuotaCondition quota, Instant periodStart, Instant at, ZoneId zone) {
        long whole = Duration.between(periodStart, quota.periodEnd(periodStart, zone)).toMillis();
        long elapsed = Math.max(Duration.between(periodStart, at).toMillis(), Duration.ofHours(1).toMillis());
        return Math.min(1.0, (double) elapsed / whole);
    }
}
