package io.parkwatch.contracts.alert;

/** Ordered from least to most severe. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
