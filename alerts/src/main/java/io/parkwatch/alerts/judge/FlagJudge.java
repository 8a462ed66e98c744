package io.parkwatch.alerts.judge;

import io.parkwatch.alerts.rule.AlarmBitsCondition;
import io.parkwatch.alerts.rule.QualityCondition;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Quality;
import java.util.Map;
import java.util.TreeMap;

/** Data-quality flags and JT/T 808 alarm bits: conditions that are set or not. */
public final class FlagJudge {

    private FlagJudge() {
    }

    /**
     * Updates which metrics of the point are flagged and returns the flagged set; the level is
     * the worst flag still standing, so one metric back to normal does not clear another's fault.
     */
    public static Map<String, Severity> flagged(QualityCondition condition, Map<String, Severity> before,
                                                String metric, Quality quality) {
        Map<String, Severity> after = new TreeMap<>(before);
        Severity severity = condition.flags().get(quality);
        if (severity == null) {
            after.remove(metric);
        } else {
            after.put(metric, severity);
        }
        return after;
    }

    public static Severity worst(Map<String, Severity> flagged) {
        return flagged.values().stream().max(Enum::compareTo).orElse(null);
    }

    /** The worst severity among the rule's bits that are set, or null. */
    public static Severity alarm(AlarmBitsCondition condition, Position position) {
        Severity worst = null;
        for (Map.Entry<Integer, Severity> bit : condition.bits().entrySet()) {
            if ((position.alarmBits() & (1L << bit.getKey())) != 0
                && (worst == null || bit.getValue().compareTo(worst) > 0)) {
                worst = bit.getValue();
            }
        }
        return worst;
    }
}
