package io.parkwatch.alerts.state;

import io.parkwatch.alerts.rule.Level;
import io.parkwatch.alerts.rule.LevelCondition;
import io.parkwatch.contracts.alert.Severity;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a rule concluded from one observation (a reading or a closed window).
 *
 * @param level  the severity the condition is at now, hysteresis applied; null when normal
 * @param value  the judged value (converted, mean or rate); null for flags and alarm bits
 * @param detail a short human text for the alert message, e.g. "hourly mean 40.0 mg/m3"
 * @param metric the metric judged, or null
 * @param limits per severity, the threshold in force (in the unit of {@code value}); empty for
 *               conditions without one (flags, bits, geofences)
 */
public record Assessment(Severity level, Double value, String detail, String metric, Map<Severity, Double> limits) {

    public Assessment {
        limits = limits == null || limits.isEmpty() ? Map.of() : Map.copyOf(limits);
    }

    public Assessment(Severity level, Double value, String detail) {
        this(level, value, detail, null, Map.of());
    }

    /** The triggers of a level condition, by severity. */
    public static Map<Severity, Double> triggers(LevelCondition condition) {
        Map<Severity, Double> triggers = new EnumMap<>(Severity.class);
        for (Level level : condition.levels()) {
            triggers.put(level.severity(), level.trigger());
        }
        return triggers;
    }

    public Double limit(Severity severity) {
        return severity == null ? null : limits.get(severity);
    }
}
