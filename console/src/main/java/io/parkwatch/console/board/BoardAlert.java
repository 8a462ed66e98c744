package io.parkwatch.console.board;

import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.registry.Module;
import java.time.Instant;

/**
 * One alert as the API shows it: the fold of its lifecycle events so far.
 *
 * @param module         the point's registry module, null when unknown (data gaps, unregistered points)
 * @param metric         the metric last judged, null for alerts without one
 * @param value          the latest judged value (a mean, rate or share of a budget where the rule judges one)
 * @param limit          the threshold in force for the current severity, in the unit of {@code value}
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
        Module module,
        String metric,
        Double value,
        Double limit,
        String message,
        String acknowledgedBy,
        String note,
        Instant updatedAt) {
}
