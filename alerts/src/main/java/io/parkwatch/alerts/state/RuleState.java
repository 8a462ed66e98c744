package io.parkwatch.alerts.state;

import io.parkwatch.contracts.alert.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * Everything remembered for one (point, rule), in one state-store value so that an update is
 * atomic under exactly-once.
 *
 * @param open           the open alert, or null
 * @param pendingSince   per level, since when its condition has held (for {@code for:} durations)
 * @param lastAssessedAt event time of the last observation judged; older ones are skipped
 * @param lastValues     per metric, the previous value (rate-of-change rules)
 * @param flagged        per metric, the severity of its standing data flag (flag rules)
 * @param holding        the last assessment while a level waits for its {@code for:} duration,
 *                       so that time alone can confirm it; null otherwise
 */
public record RuleState(OpenAlert open, Map<Severity, Instant> pendingSince, Instant lastAssessedAt,
                        Map<String, LastValue> lastValues, Map<String, Severity> flagged, Assessment holding) {

    public static final RuleState EMPTY = new RuleState(null, Map.of(), null, Map.of(), Map.of(), null);

    public RuleState {
        pendingSince = pendingSince == null ? Map.of() : Map.copyOf(pendingSince);
        lastValues = lastValues == null ? Map.of() : Map.copyOf(lastValues);
        flagged = flagged == null ? Map.of() : Map.copyOf(flagged);
    }

    /** Nothing worth keeping: no alert, nothing pending, no memory. Such states are not stored. */
    public boolean idle() {
        return open == null && pendingSince.isEmpty() && lastValues.isEmpty() && flagged.isEmpty();
    }

    public RuleState withOpen(OpenAlert alert) {
        return new RuleState(alert, pendingSince, lastAssessedAt, lastValues, flagged, holding);
    }

    public RuleState withPending(Map<Severity, Instant> pending, Instant assessedAt) {
        return new RuleState(open, pending, assessedAt, lastValues, flagged, holding);
    }

    public RuleState withLastValues(Map<String, LastValue> values) {
        return new RuleState(open, pendingSince, lastAssessedAt, values, flagged, holding);
    }

    public RuleState withFlagged(Map<String, Severity> flags) {
        return new RuleState(open, pendingSince, lastAssessedAt, lastValues, flags, holding);
    }

    public RuleState withHolding(Assessment assessment) {
        return new RuleState(open, pendingSince, lastAssessedAt, lastValues, flagged, assessment);
    }

    /** The rule's memory only: no alert, nothing pending (a changed rule judges afresh). */
    public RuleState memoryOnly() {
        return new RuleState(null, Map.of(), lastAssessedAt, lastValues, flagged, null);
    }

    /** A previous value of a metric, for rates. */
    public record LastValue(double value, Instant at) {
    }
}
