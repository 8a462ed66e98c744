package io.parkwatch.alerts.judge;

import io.parkwatch.alerts.rule.Level;
import io.parkwatch.alerts.rule.LevelCondition;
import io.parkwatch.contracts.alert.Severity;

/** Levels with hysteresis: the pure heart of above/below rules. */
public final class LevelJudge {

    private LevelJudge() {
    }

    /**
     * The level a value is at, given the level the alert is at now: a level is reached when the
     * value crosses its trigger, and a level at or under the current one is kept while the value
     * has not come back to its clear threshold.
     *
     * @return null when no level applies (normal)
     */
    public static Severity level(LevelCondition condition, double value, Severity current) {
        Severity result = null;
        for (Level level : condition.levels()) {
            boolean triggered = condition.direction().crosses(value, level.trigger());
            boolean held = current != null && level.severity().compareTo(current) <= 0
                && condition.direction().holds(value, level.clear());
            if (triggered || held) {
                result = level.severity();
            }
        }
        return result;
    }

    /** The threshold that matters for a message: the level's trigger, or the lowest one when normal. */
    public static double thresholdFor(LevelCondition condition, Severity level) {
        for (Level candidate : condition.levels()) {
            if (candidate.severity() == level) {
                return candidate.trigger();
            }
        }
        return condition.levels().get(0).trigger();
    }
}
