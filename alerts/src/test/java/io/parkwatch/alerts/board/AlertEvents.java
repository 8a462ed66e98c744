package io.parkwatch.alerts.board;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import java.time.Instant;

/** Alert events for the board's tests. */
final class AlertEvents {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private AlertEvents() {
    }

    static AlertEvent event(String id, AlertEventType type, String enterprise, Severity severity, long occurrences,
                            String message, Instant at) {
        return new AlertEvent(id, type, "gas-lel", "xilinhot", enterprise, "xilinhot/" + enterprise + "/gas-01",
            severity, T0, at, 42.0, occurrences, message, at);
    }

    static AlertEvent raised(String id, String enterprise, Severity severity, Instant at) {
        return event(id, AlertEventType.RAISED, enterprise, severity, 1, "LEL above limit", at);
    }
}
