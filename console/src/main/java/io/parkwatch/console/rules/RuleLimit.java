package io.parkwatch.console.rules;

import io.parkwatch.contracts.alert.Severity;
import java.util.Objects;

/**
 * One level of a threshold rule, as a line on a chart: the value past which the level is reached.
 *
 * @param above   true when values above {@code value} are the problem, false for below
 * @param profile the rule's profile (active only when the alerts topology runs with it), null if always active
 * @param unlessPermitted a park-wide limit that steps aside at the points a permit rule covers
 */
public record RuleLimit(String ruleId, Severity severity, double value, boolean above, String profile,
                        RuleScope scope, boolean unlessPermitted) {

    public RuleLimit {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(scope, "scope");
    }

    public RuleLimit(String ruleId, Severity severity, double value, boolean above, String profile, RuleScope scope) {
        this(ruleId, severity, value, above, profile, scope, false);
    }

    /** Strictly past the limit, as the alerts topology judges: a value exactly at it complies. */
    public boolean crossedBy(double reading) {
        return above ? reading > value : reading < value;
    }

    public String direction() {
        return above ? "above" : "below";
    }
}
