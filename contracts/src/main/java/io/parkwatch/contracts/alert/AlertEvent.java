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

    /** A builder, so that construction sites name the fields they set; unset fields stay null (0 occurrences). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this event's fields. */
    public Builder toBuilder() {
        return new Builder()
            .alertId(alertId)
            .type(type)
            .ruleId(ruleId)
            .park(park)
            .enterprise(enterprise)
            .pointKey(pointKey)
            .severity(severity)
            .firstSeen(firstSeen)
            .lastSeen(lastSeen)
            .peakValue(peakValue)
            .occurrences(occurrences)
            .message(message)
            .at(at)
            .module(module)
            .metric(metric)
            .value(value)
            .limit(limit)
            .acknowledgedBy(acknowledgedBy)
            .note(note);
    }

    /** This event acknowledged by {@code operator} with {@code note}. */
    public AlertEvent acknowledgedBy(String operator, String operatorNote) {
        return toBuilder().acknowledgedBy(operator).note(operatorNote).build();
    }

    /** Sets {@link AlertEvent}'s fields by name; {@link #build()} checks the required ones. */
    public static final class Builder {

        private String alertId;
        private AlertEventType type;
        private String ruleId;
        private String park;
        private String enterprise;
        private String pointKey;
        private Severity severity;
        private Instant firstSeen;
        private Instant lastSeen;
        private Double peakValue;
        private long occurrences;
        private String message;
        private Instant at;
        private Module module;
        private String metric;
        private Double value;
        private Double limit;
        private String acknowledgedBy;
        private String note;

        private Builder() {
        }

        public Builder alertId(String alertId) {
            this.alertId = alertId;
            return this;
        }

        public Builder type(AlertEventType type) {
            this.type = type;
            return this;
        }

        public Builder ruleId(String ruleId) {
            this.ruleId = ruleId;
            return this;
        }

        public Builder park(String park) {
            this.park = park;
            return this;
        }

        public Builder enterprise(String enterprise) {
            this.enterprise = enterprise;
            return this;
        }

        public Builder pointKey(String pointKey) {
            this.pointKey = pointKey;
            return this;
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder firstSeen(Instant firstSeen) {
            this.firstSeen = firstSeen;
            return this;
        }

        public Builder lastSeen(Instant lastSeen) {
            this.lastSeen = lastSeen;
            return this;
        }

        public Builder peakValue(Double peakValue) {
            this.peakValue = peakValue;
            return this;
        }

        public Builder occurrences(long occurrences) {
            this.occurrences = occurrences;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        public Builder module(Module module) {
            this.module = module;
            return this;
        }

        public Builder metric(String metric) {
            this.metric = metric;
            return this;
        }

        public Builder value(Double value) {
            this.value = value;
            return this;
        }

        public Builder limit(Double limit) {
            this.limit = limit;
            return this;
        }

        public Builder acknowledgedBy(String acknowledgedBy) {
            this.acknowledgedBy = acknowledgedBy;
            return this;
        }

        public Builder note(String note) {
            this.note = note;
            return this;
        }

        public AlertEvent build() {
            return new AlertEvent(alertId, type, ruleId, park, enterprise, pointKey, severity, firstSeen, lastSeen,
                peakValue, occurrences, message, at, module, metric, value, limit, acknowledgedBy, note);
        }
    }
}
