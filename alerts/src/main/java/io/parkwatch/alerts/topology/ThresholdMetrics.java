package io.parkwatch.alerts.topology;

import io.parkwatch.contracts.alert.AlertEventType;

/** What the alerts topology counts besides Kafka Streams' own metrics. Implementations are thread-safe. */
public interface ThresholdMetrics {

    /** Does not count: for tests that do not look. */
    ThresholdMetrics NONE = new ThresholdMetrics() {
    };

    /** A reading arrived after its window had closed (later than the rule's grace). */
    default void lateReading(String ruleId) {
    }

    /** A value could not be converted to the reference O₂ (no recent O₂ reading): not judged. */
    default void unconverted(String ruleId) {
    }

    /** A reading older than the last one judged for its (point, rule): skipped. */
    default void outOfOrder(String ruleId) {
    }

    /** A command for an alert that is unknown, closed or already acknowledged. */
    default void ignoredCommand() {
    }

    /** A rule pack on the rules topic that cannot be read; the previous version stays in use. */
    default void badRulePack(String pack) {
    }

    default void event(AlertEventType type, String ruleId) {
    }
}
