package io.parkwatch.alerts.rule;

import io.parkwatch.contracts.reading.PointKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One threshold rule of a rule pack.
 *
 * @param holdFor  a level is reached only once its condition has held this long (zero: at once);
 *                 de-escalation and clearing never wait
 * @param profile  null for a rule that is always active; otherwise active only when the profile is
 * @param permit   the number of the emission permit this rule enforces, else null; such a rule names
 *                 exactly one park, one enterprise and the outlet's points
 * @param unlessPermitted a general limit (the global emission set) that does not judge the points a
 *                 permit rule covers: there the enterprise's own permit applies instead
 */
public record Rule(String id, String description, RuleMatch match, Condition condition, Duration holdFor,
                   String profile, String permit, boolean unlessPermitted) {

    public Rule {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(match, "match is required");
        Objects.requireNonNull(condition, "condition is required");
        holdFor = holdFor == null ? Duration.ZERO : holdFor;
        description = description == null ? id : description;
        if (holdFor.isNegative()) {
            throw new IllegalArgumentException("'for' must not be negative");
        }
        if (permit != null && (match.parks().size() != 1 || match.enterprises().size() != 1
            || match.points().isEmpty())) {
            throw new IllegalArgumentException("a permit rule must match one park, one enterprise and its points");
        }
        if (permit != null && unlessPermitted) {
            throw new IllegalArgumentException("a permit rule cannot also yield to permits");
        }
    }

    public Rule(String id, String description, RuleMatch match, Condition condition, Duration holdFor,
                String profile) {
        this(id, description, match, condition, holdFor, profile, null, false);
    }

    /** The point keys ({@code park/enterprise/point}) a permit rule covers; empty for any other rule. */
    public Set<String> permittedPoints() {
        if (permit == null) {
            return Set.of();
        }
        String park = match.parks().iterator().next();
        String enterprise = match.enterprises().iterator().next();
        return match.points().stream().map(point -> PointKey.text(park, enterprise, point))
            .collect(Collectors.toUnmodifiableSet());
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
