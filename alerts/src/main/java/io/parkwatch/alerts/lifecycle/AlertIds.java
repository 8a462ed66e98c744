package io.parkwatch.alerts.lifecycle;

import java.time.Instant;

/**
 * Alert ids are {@code park/enterprise/point|rule|firstSeenEpochMillis}: unique per alert (a
 * problem that comes back after a clear is a new alert), readable, and they carry the point, so
 * a command keyed by alert id can be routed to the partition holding the alert's state.
 */
public final class AlertIds {

    private AlertIds() {
    }

    public static String of(String pointKey, String ruleId, Instant firstSeen) {
        return stateKey(pointKey, ruleId) + '|' + firstSeen.toEpochMilli();
    }

    public static String stateKey(String pointKey, String ruleId) {
        return pointKey + '|' + ruleId;
    }

    /** The key of an enterprise-wide alert's subject, in place of a point key. */
    public static String enterpriseKey(String park, String enterprise) {
        return park + '/' + enterprise + "/*";
    }

    /** The point key of an alert id, or null when the id is not one of ours. */
    public static String pointKey(String alertId) {
        String[] parts = alertId.split("\\|");
        return parts.length == 3 && !parts[0].isBlank() ? parts[0] : null;
    }

    /** The state key of an alert id, or null when the id is not one of ours. */
    public static String stateKey(String alertId) {
        String[] parts = alertId.split("\\|");
        return parts.length == 3 ? parts[0] + '|' + parts[1] : null;
    }

    /** The rule id of a state key {@code pointKey|rule}. */
    public static String ruleOfStateKey(String stateKey) {
        return stateKey.substring(stateKey.indexOf('|') + 1);
    }

    /** The point key of a state key {@code pointKey|rule}. */
    public static String pointOfStateKey(String stateKey) {
        return stateKey.substring(0, stateKey.indexOf('|'));
    }
}
