package io.parkwatch.console.board;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.registry.Module;
import java.time.Instant;

/** Alert events for the board's tests. */
final class AlertEvents {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private AlertEvents() {
    }

    static AlertEvent event(String id, AlertEventType type, String enterprise, Severity severity, long occurrences,
                            String message, Instant at) {
        return AlertEvent.builder()
            .alertId(id)
            .type(type)
            .ruleId("gas-lel")
            .park("xilinhot")
            .enterprise(enterprise)
            .pointKey("xilinhot/" + enterprise + "/gas-01")
            .severity(severity)
            .firstSeen(T0)
            .lastSeen(at)
            .peakValue(42.0)
            .occurrences(occurrences)
            .message(message)
            .at(at)
            .module(Module.SAFETY)
            .metric("lel")
            .value(42.0)
            .limit(25.0)
            .build();
    }

    /** An ACKNOWLEDGED event as the lifecycle writes it: the operator and note in their own fields. */
    static AlertEvent acknowledged(String id, String enterprise, Severity severity, long occurrences, String operator,
                                   String note, Instant at) {
        return event(id, AlertEventType.ACKNOWLEDGED, enterprise, severity, occurrences,
            "acknowledged by " + operator, at).acknowledgedBy(operator, note);
    }

    static AlertEvent raised(String id, String enterprise, Severity severity, Instant at) {
        return event(id, AlertEventType.RAISED, enterprise, severity, 1, "LEL above limit", at);
    }
}
