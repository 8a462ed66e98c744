package io.parkwatch.alerts.lifecycle;

import io.parkwatch.alerts.rule.Direction;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.state.StateKeys;
import io.parkwatch.contracts.registry.Module;
import java.time.Duration;
import java.util.Objects;

/**
 * Who an alert is about: the point and the rule, with what the lifecycle needs of the rule.
 *
 * @param module the point's registry module, null when the point is not registered
 */
public record AlertSubject(String ruleId, String ruleDescription, String park, String enterprise, String pointKey,
                           Direction direction, Duration holdFor, Module module) {

    public AlertSubject {
        Objects.requireNonNull(ruleId, "ruleId is required");
        Objects.requireNonNull(pointKey, "pointKey is required");
        Objects.requireNonNull(direction, "direction is required");
        Objects.requireNonNull(holdFor, "holdFor is required");
    }

    public AlertSubject(String ruleId, String ruleDescription, String park, String enterprise, String pointKey,
                        Direction direction, Duration holdFor) {
        this(ruleId, ruleDescription, park, enterprise, pointKey, direction, holdFor, null);
    }

    public static AlertSubject of(Rule rule, String park, String enterprise, String pointKey, Module module) {
        return new AlertSubject(rule.id(), rule.description(), park, enterprise, pointKey, rule.direction(),
            rule.holdFor(), module);
    }

    public static AlertSubject of(Rule rule, String park, String enterprise, String pointKey) {
        return of(rule, park, enterprise, pointKey, null);
    }

    /** The store key of this (point, rule). */
    public String stateKey() {
        return StateKeys.of(pointKey, ruleId);
    }
}
