package io.parkwatch.alerts.rule;

import io.parkwatch.contracts.alert.Severity;
import java.util.Objects;

/**
 * One level of a threshold rule: the alert reaches {@code severity} when the value crosses
 * {@code trigger} and stays there until the value is back at or inside {@code clear}
 * (hysteresis: the gap between the two keeps a value hovering at the limit from flapping).
 */
public record Level(Severity severity, double trigger, double clear) {

    public Level {
        Objects.requireNonNull(severity, "severity is required");
        if (!Double.isFinite(trigger) || !Double.isFinite(clear)) {
            throw new IllegalArgumentException("trigger and clear must be finite numbers");
        }
    }
}
