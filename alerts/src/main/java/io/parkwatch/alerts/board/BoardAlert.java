package io.parkwatch.alerts.board;

import io.parkwatch.contracts.alert.Severity;
import java.time.Instant;

/**
 * One alert as the API shows it: the fold of its lifecycle events so far.
 *
 * @param acknowledgedBy the operator who acknowledged it, null while unacknowledged
 * @param note           the operator's note, null while unacknowledged
 * @param updatedAt      time of the last event that changed it
 */
public record BoardAlert(
        String alertId,
        String ruleId,
        String park,
        String enterprise,
        String pointKey,
        Severity severity,
        AlertState state,
        Instant firstSeen,
        Instant lastSeen,
        Double peakValue,
        long occurrences,
        String message,
        String acknowledgedBy,
        String note,
        Instant updatedAt) {
}
