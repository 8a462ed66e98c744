package io.parkwatch.contracts.alert;

/** What happened to an alert. */
public enum AlertEventType {
    RAISED,
    ESCALATED,
    DE_ESCALATED,
    ACKNOWLEDGED,
    CLEARED,
    /** The open alert absorbed repeats: a new count, last-seen and peak (sent sparingly, not per repeat). */
    UPDATED
}
