package io.parkwatch.contracts.alert;

/** What happened to an alert. */
public enum AlertEventType {
    RAISED,
    ESCALATED,
    DE_ESCALATED,
    ACKNOWLEDGED,
    CLEARED
}
