package io.parkwatch.contracts.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One lifecycle event of the single alert open for a (point, rule). Repeats update the open
 * alert's count and last-seen instead of raising a new one.
 *
 * @param alertId    stable for the alert's whole life
 * @param pointKey   {@code park/enterprise/point}
 * @param peakValue  the worst value seen while open; null for alerts without a value
 * @param occurrences how many matching observations the open alert has absorbed
 */
public record AlertEvent(
        String alertId,
        AlertEventType type,
        String ruleId,
        String park,
        String enterprise,
        String pointKey,
        Severity severity,
        Instant firstSeen,
        Instant lastSeen,
        Double peakValue,
        long occurrences,
        String message,
        Instant at) {

    public AlertEvent {
        Objects.requireNonNull(alertId, "alertId is required");
        Objects.requireNonNull(type, "type is required");
        Objects.requireNonNull(ruleId, "ruleId is required");
        Objects.requireNonNull(pointKey, "pointKey is required");
        Objects.requireNonNull(severity, "severity is required");
        Objects.requireNonNull(firstSeen, "firstSeen is required");
        Objects.requireNonNull(lastSeen, "lastSeen is required");
        Objects.requireNonNull(at, "at is required");
    }
}
