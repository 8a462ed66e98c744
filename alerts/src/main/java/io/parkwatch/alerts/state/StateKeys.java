package io.parkwatch.alerts.state;

import io.parkwatch.contracts.alert.AlertIds;

/**
 * Keys of the alert state store: {@code subject|rule}, one per (point, rule) or (enterprise,
 * rule). A threshold alert id is its state key followed by {@code |firstSeenEpochMillis}.
 */
public final class StateKeys {

    private StateKeys() {
    }

    public static String of(String subjectKey, String ruleId) {
        return subjectKey + '|' + ruleId;
    }

    /** The state key of the (subject, rule) a threshold alert id names, or null when the id is not one. */
    public static String ofAlert(String alertId) {
        String subject = AlertIds.thresholdSubject(alertId);
        return subject == null ? null : of(subject, AlertIds.thresholdRule(alertId));
    }

    /** The rule id of a state key. */
    public static String ruleOf(String stateKey) {
        return stateKey.substring(stateKey.indexOf('|') + 1);
    }

    /** The subject key (point or enterprise) of a state key. */
    public static String subjectOf(String stateKey) {
        return stateKey.substring(0, stateKey.indexOf('|'));
    }
}
