package io.parkwatch.alerts.rule;

import java.time.Duration;
import java.util.Objects;

/**
 * One threshold rule of a rule pack.
 *
 * @param holdFor  a level is reached only once its condition has held this long (zero: at once);
 *                 de-escalation and clearing never wait
 * @param profile  null for a rule that is always active; otherwise active only when the profile is
 */
public record Rule(String id, String description, RuleMatch match, Condition condition, Duration holdFor,
                   String profile) {

    public Rule {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(match, "match is required");
        Objects.requireNonNull(condition, "condition is required");
        holdFor = holdFor == null ? Duration.ZERO : holdFor;
        description = description == null ? id : description;
        if (holdFor.isNegative()) {
            throw new IllegalArgumentException("'for' must not be negative");
        }
    }

    /** A rule judged per enterprise (its readings re-keyed by enterprise), not per point. */
    public boolean perEnterprise() {
        return condition instanceof QuotaCondition quota && quota.perEnterprise();
    }

    /** The direction values worsen in, for the alert's peak. */
    public Direction direction() {
        return condition instanceof LevelCondition level ? level.direction() : Direction.ABOVE;
    }
}
