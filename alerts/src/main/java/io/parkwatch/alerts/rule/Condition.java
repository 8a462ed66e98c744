package io.parkwatch.alerts.rule;

/** What a rule tests; one of the rule types of the YAML format. */
public sealed interface Condition permits LevelCondition, QualityCondition, AlarmBitsCondition, GeofenceCondition,
    QuotaCondition {
}
