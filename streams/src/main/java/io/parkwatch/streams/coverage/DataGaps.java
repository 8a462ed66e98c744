package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.AlertIds;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.registry.PointEntry;
import java.time.Duration;
import java.time.Instant;

/** The data-gap alert's events: one alert per point, id stable across its silences. */
public final class DataGaps {

    private DataGaps() {
    }

    /** Worded as the threshold lifecycle words it; the operator and note travel in their own fields. */
    static AlertEvent acknowledged(GapSubject subject, Instant since, AlertCommand command, Instant now) {
        String note = command.note().isBlank() ? "" : ": " + command.note();
        return event(subject, AlertEventType.ACKNOWLEDGED, since, "acknowledged by " + command.operator() + note, now)
            .acknowledgedBy(command.operator(), command.note());
    }

    static AlertEvent raised(PointEntry point, Instant since, Instant lastGood, Duration window, Instant now) {
        String message = lastGood == null
            ? "no good reading since the point was registered (window " + window + ")"
            : "no good reading since " + lastGood + " (window " + window + ")";
        return event(GapSubject.of(point), AlertEventType.RAISED, since, message, now);
    }

    static AlertEvent cleared(GapSubject subject, Instant since, String why, Instant now) {
        return event(subject, AlertEventType.CLEARED, since, why, now);
    }

    /** The point's module travels on every event, so module filters (API, console) see data gaps too. */
    private static AlertEvent event(GapSubject subject, AlertEventType type, Instant since, String message,
                                    Instant now) {
        return AlertEvent.builder()
            .alertId(AlertIds.dataGap(subject.pointKey()))
            .type(type)
            .ruleId(AlertIds.DATA_GAP_RULE)
            .park(subject.park())
            .enterprise(subject.enterprise())
            .pointKey(subject.pointKey())
            .severity(Severity.WARNING)
            .firstSeen(since)
            .lastSeen(now)
            .occurrences(1)
            .message(message)
            .at(now)
            .module(subject.module())
            .build();
    }
}
