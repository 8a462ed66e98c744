package io.parkwatch.alerts.judge;

import io.parkwatch.alerts.rule.AlarmBitsCondition;
import io.parkwatch.alerts.rule.GeofenceCondition;
import io.parkwatch.alerts.rule.LevelCondition;
import io.parkwatch.alerts.rule.QualityCondition;
import io.parkwatch.alerts.rule.QuotaCondition;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.state.Assessment;
import io.parkwatch.alerts.state.RuleState;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Reading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Judges one reading against a rule that is not windowed: plain levels, rate of change, data
 * flags, alarm bits. Pure: the rule's memory comes in with the state and goes out with it.
 */
public final class ReadingJudge {

    private ReadingJudge() {
    }

    /**
     * The state with the rule's memory updated, and the assessment (null when the reading is
     * not judged: a flagged value, the first value of a rate, a position without bits to test).
     */
    public record Judgement(RuleState state, Assessment assessment) {
    }

    /**
     * @param value the value to judge (already converted to reference O₂ where the rule asks), or
     *              null for readings without one
     * @param parkZones each park's time zone (quotas count calendar periods in it)
     */
    public static Judgement judge(Rule rule, Reading reading, RuleState state, Double value,
                                  Function<String, ZoneId> parkZones) {
        Severity current = state.open() == null ? null : state.open().severity();
        if (rule.condition() instanceof LevelCondition level) {
            return level.rate() == null
                ? plain(level, reading, state, value, current)
                : rate(level, reading, state, value, current);
        }
        if (rule.condition() instanceof QualityCondition quality) {
            return flags(quality, reading, state);
        }
        if (rule.condition() instanceof QuotaCondition quota) {
            return QuotaJudge.judge(quota, reading, state, parkZones);
        }
        if (rule.condition() instanceof GeofenceCondition fence) {
            return geofence(fence, reading, state);
        }
        return alarms((AlarmBitsCondition) rule.condition(), reading, state);
    }

    /**
     * Whether {@code value} is a plain level rule's normal reading: judged, good quality and under
     * every trigger. From an idle state such a reading changes nothing.
     */
    public static boolean quietlyNormal(Rule rule, Reading reading, Double value) {
        return rule.condition() instanceof LevelCondition level && level.rate() == null && level.window() == null
            && value != null && reading.quality().isGood() && LevelJudge.level(level, value, null) == null;
    }

    private static Judgement plain(LevelCondition level, Reading reading, RuleState state, Double value,
                                   Severity current) {
        if (value == null || !reading.quality().isGood()) {
            return new Judgement(state, null);
        }
        Severity severity = LevelJudge.level(level, value, current);
        return new Judgement(state, new Assessment(severity, value, describe(level, reading.metric(), value,
            level.judgedUnit(reading.unit()), severity), reading.metric(), Assessment.triggers(level)));
    }

    private static Judgement rate(LevelCondition level, Reading reading, RuleState state, Double value,
                                  Severity current) {
        if (value == null || !reading.quality().isGood()) {
            return new Judgement(state, null);
        }
        Map<String, RuleState.LastValue> values = new HashMap<>(state.lastValues());
        RuleState.LastValue previous = values.put(reading.metric(), new RuleState.LastValue(value, reading.observedAt()));
        RuleState next = state.withLastValues(values);
        if (previous == null) {
            return new Judgement(next, null);
        }
        double rate = level.rate().rate(previous.value(), previous.at().toEpochMilli(), value,
            reading.observedAt().toEpochMilli());
        if (Double.isNaN(rate)) {
            return new Judgement(next, null);
        }
        Severity severity = LevelJudge.level(level, rate, current);
        String per = level.rate().per().toString().substring(2).toLowerCase(Locale.ROOT);
        return new Judgement(next, new Assessment(severity, rate, reading.metric() + " changing "
            + format(rate) + " " + level.judgedUnit(reading.unit()) + " per " + per + verdict(level, severity), reading.metric(),
            Assessment.triggers(level)));
    }

    private static Judgement flags(QualityCondition quality, Reading reading, RuleState state) {
        Map<String, Severity> flagged = FlagJudge.flagged(quality, state.flagged(), reading.metric(),
            reading.quality());
        Severity severity = FlagJudge.worst(flagged);
        String detail = flagged.isEmpty() ? "data flags back to normal"
            : "data flagged " + flagged.keySet().stream()
                .map(metric -> metric.equals(reading.metric()) ? metric + "=" + reading.quality() : metric)
                .toList();
        return new Judgement(state.withFlagged(flagged), new Assessment(severity, null, detail, reading.metric(),
            Map.of()));
    }

    private static Judgement alarms(AlarmBitsCondition bits, Reading reading, RuleState state) {
        if (reading.position() == null) {
            return new Judgement(state, null);
        }
        Severity severity = FlagJudge.alarm(bits, reading.position());
        String detail = String.format(Locale.ROOT, "alarm word 0x%08X, speed %.1f km/h at %.6f,%.6f",
            reading.position().alarmBits(), reading.position().speedKmh(), reading.position().latitude(),
            reading.position().longitude());
        return new Judgement(state, new Assessment(severity, null, detail, reading.metric(), Map.of()));
    }

    private static Judgement geofence(GeofenceCondition fence, Reading reading, RuleState state) {
        if (reading.position() == null || !reading.quality().isGood()) {
            return new Judgement(state, null);
        }
        Position at = reading.position();
        Severity severity = fence.judge(at.latitude(), at.longitude(), at.speedKmh());
        String where = fence.contains(at.latitude(), at.longitude()) ? "inside" : "outside";
        return new Judgement(state, new Assessment(severity, null, String.format(Locale.ROOT,
            "position %.6f,%.6f %s the area, speed %.1f km/h", at.latitude(), at.longitude(), where, at.speedKmh()),
            reading.metric(), Map.of()));
    }

    public static String describe(LevelCondition level, String what, double value, String unit, Severity severity) {
        String oxygen = level.oxygen() == null ? "" : " at " + format(level.oxygen().referencePercent()) + " % O2";
        return what + " " + format(value) + " " + unit + oxygen + verdict(level, severity);
    }

    private static String verdict(LevelCondition level, Severity severity) {
        if (severity == null) {
            return "";
        }
        return ", " + level.direction().word() + " the " + severity.name().toLowerCase(Locale.ROOT) + " limit "
            + format(LevelJudge.thresholdFor(level, severity));
    }

    /** Two decimals without trailing zeros ("%.2f", then "0" and "." stripped from the end). */
    static String format(double value) {
        if (!Double.isFinite(value) || value <= 0 && value > -0.005) {
            // NaN, infinities and the signed zeros keep Formatter's spelling.
            return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
        }
        // Per alert step: BigDecimal avoids Formatter and a regex, with the same half-up rounding
        // of the shortest decimal form of the double.
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
