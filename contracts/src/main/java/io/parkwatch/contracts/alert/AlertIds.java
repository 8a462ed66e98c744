package io.parkwatch.contracts.alert;

import java.time.Instant;

/**
 * The ids of the two kinds of alert on {@code parkwatch.alerts.v1}, built and told apart here
 * only. Ids are Kafka keys with stored state behind them: their spelling never changes.
 *
 * <ul>
 *   <li>A threshold alert (the alerts engine) is {@code subject|rule|firstSeenEpochMillis}: unique
 *       per alert (a problem that comes back after a clear is a new alert), readable, and it
 *       carries its subject, a point key {@code park/enterprise/point} or, for an enterprise-wide
 *       rule, {@code park/enterprise/*}, so that a command keyed by alert id can be routed to the
 *       partition holding the alert's state.</li>
 *   <li>A data-gap alert (coverage) is {@code data-gap:pointKey}: one per point, the same id
 *       across the point's silences.</li>
 * </ul>
 */
public final class AlertIds {

    /** The rule id data-gap alerts carry, and their ids' prefix. */
    public static final String DATA_GAP_RULE = "data-gap";

    private static final String DATA_GAP_PREFIX = DATA_GAP_RULE + ':';
    private static final char SEPARATOR = '|';

    private AlertIds() {
    }

    /** The id of a threshold alert about {@code subjectKey} under {@code ruleId}, first seen at {@code firstSeen}. */
    public static String threshold(String subjectKey, String ruleId, Instant firstSeen) {
        return subjectKey + SEPARATOR + ruleId + SEPARATOR + firstSeen.toEpochMilli();
    }

    /** The subject key of an enterprise-wide threshold alert, in place of a point key. */
    public static String enterpriseSubject(String park, String enterprise) {
        return park + '/' + enterprise + "/*";
    }

    /** The id of the data-gap alert of a point. */
    public static String dataGap(String pointKey) {
        return DATA_GAP_PREFIX + pointKey;
    }

    /** Whether an id names a data gap (whose commands coverage answers, not the alerts engine). */
    public static boolean isDataGap(String alertId) {
        return alertId != null && alertId.startsWith(DATA_GAP_PREFIX) && alertId.length() > DATA_GAP_PREFIX.length();
    }

    /** The point key of a data-gap id; see {@link #isDataGap}. */
    public static String dataGapPoint(String alertId) {
        return alertId.substring(DATA_GAP_PREFIX.length());
    }

    /** The subject key of a threshold alert id, or null when the id is not one. */
    public static String thresholdSubject(String alertId) {
        String[] parts = thresholdParts(alertId);
        return parts == null || parts[0].isBlank() ? null : parts[0];
    }

    /** The rule id of a threshold alert id, or null when the id is not one. */
    public static String thresholdRule(String alertId) {
        String[] parts = thresholdParts(alertId);
        return parts == null ? null : parts[1];
    }

    private static String[] thresholdParts(String alertId) {
        String[] parts = alertId.split("\\|");
        return parts.length == 3 ? parts : null;
    }
}
