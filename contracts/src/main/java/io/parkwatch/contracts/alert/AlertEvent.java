package io.parkwatch.contracts.alert;

import io.parkwatch.contracts.registry.Module;
import java.time.Instant;
import java.util.Objects;

/**
 * One lifecycle event of the single alert open for a (point, rule). Repeats update the open
 * alert's count and last-seen instead of raising a new one.
 *
 * <p>The last six fields came later and are nullable: events written before them still read
 * (as null), and producers that do not know them (data gaps) leave them null.
 *
 * @param alertId        stable for the alert's whole life
 * @param pointKey       {@code park/enterprise/point} ({@code park/enterprise/*} for an enterprise-wide rule)
 * @param peakValue      the worst value seen while open; null for alerts without a value
 * @param occurrences    how many matching observations the open alert has absorbed
 * @param module         the registry module of the point, null when the point is not registered
 * @param metric         the metric last judged (e.g. {@code a21026-Rtd}), null for alerts without one
 * @param value          the latest judged value (converted, mean, rate or share of a quota, as the rule judges)
 * @param limit          the threshold in force for this event's severity, in the unit of {@code value}
 * @param acknowledgedBy the operator, on ACKNOWLEDGED only
 * @param note           the operator's note (may be empty), on ACKNOWLEDGED only
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
        Instant at,
        Module module,
        String metric,
        Double value,
        Double limit,
        String acknowledgedBy,
        String note) {

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

    /** An event without the operators' fields (module, metric, value, limit, acknowledgement). */
    public AlertEvent(String alertId, AlertEventType type, String ruleId, String park, String enterprise,
                      String pointKey, Severity severity, Instant firstSeen, Instant lastSeen, Double peakValue,
                      long occurrences, String message, Instant at) {
        this(alertId, type, ruleId, park, enterprise, pointKey, severity, firstSeen, lastSeen, peakValue,
            occurrences, message, at, null, null, null, null, null, null);
    }

    /** This event acknowledged by {@code operator} with {@code note}. */
    public AlertEvent acknowledgedBy(String operator, String operatorNote) {
        return new AlertEvent(alertId, type, ruleId, park, enterprise, pointKey, severity, firstSeen, lastSeen,
            peakValue, occurrences, message, at, module, metric, value, limit, operator, operatorNote);
    }
}
