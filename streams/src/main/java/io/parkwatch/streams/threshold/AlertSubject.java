package io.parkwatch.streams.threshold;

import java.time.Duration;
import java.util.Objects;

/** Who an alert is about: the point and the rule, with what the lifecycle needs of the rule. */
public record AlertSubject(String ruleId, String ruleDescription, String park, String enterprise, String pointKey,
                           Direction direction, Duration holdFor) {

    public AlertSubject {
        Objects.requireNonNull(ruleId, "ruleId is required");
        Objects.requireNonNull(pointKey, "pointKey is required");
        Objects.requireNonNull(direction, "direction is required");
        Objects.requireNonNull(holdFor, "holdFor is required");
    }

    public static AlertSubject of(Rule rule, String park, String enterprise, String pointKey) {
        return new AlertSubject(rule.id(), rule.description(), park, enterprise, pointKey, rule.direction(),
            rule.holdFor());
    }

    /** The store key of this (point, rule). */
    public String stateKey() {
        return AlertIds.stateKey(pointKey, ruleId);
    }
}
