package io.parkwatch.streams.threshold;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The lifecycle of the one alert per (point, rule), as a pure function of its state and an
 * observation: RAISED when a level is reached (after its {@code for:} duration), ESCALATED and
 * DE_ESCALATED between levels, CLEARED when no level applies, ACKNOWLEDGED on an operator's
 * command. Repeats at the same level only update the state; an UPDATED event carries the new
 * count, last-seen and peak at most once per {@code updateEvery} of event time.
 */
public final class AlertLifecycle {

    private final Duration updateEvery;

    public AlertLifecycle(Duration updateEvery) {
        this.updateEvery = Objects.requireNonNull(updateEvery, "updateEvery is required");
    }

    /** The state after a step, and the events it emits (none for a quiet repeat). */
    public record Step(RuleState state, List<AlertEvent> events) {
        static Step quiet(RuleState state) {
            return new Step(state, List.of());
        }
    }

    public Step assess(RuleState state, AlertSubject subject, Assessment assessment, Instant at) {
        Map<Severity, Instant> pending = pending(state.pendingSince(), assessment.level(), at);
        Severity confirmed = confirmed(pending, assessment.level(), subject.holdFor(), at);
        OpenAlert open = state.open();
        RuleState next = state.withPending(pending, at);
        if (open == null) {
            if (confirmed == null) {
                return Step.quiet(next);
            }
            OpenAlert raised = new OpenAlert(AlertIds.of(subject.pointKey(), subject.ruleId(), at), confirmed, at, at,
                assessment.value(), 1, false, at);
            return emit(next.withOpen(raised), subject, AlertEventType.RAISED, raised,
                word(confirmed) + ": " + subject.ruleDescription() + " — " + assessment.detail(), at);
        }
        if (confirmed == null) {
            return emit(next.withOpen(null), subject, AlertEventType.CLEARED, open,
                "cleared: " + assessment.detail(), at);
        }
        OpenAlert updated = open.absorb(confirmed, assessment.value(), at, subject.direction());
        int change = confirmed.compareTo(open.severity());
        if (change > 0) {
            // A worse problem needs a fresh acknowledgement.
            OpenAlert escalated = updated.emitted(at, false);
            return emit(next.withOpen(escalated), subject, AlertEventType.ESCALATED, escalated,
                "escalated to " + word(confirmed) + ": " + assessment.detail(), at);
        }
        if (change < 0) {
            OpenAlert lowered = updated.emitted(at, updated.acknowledged());
            return emit(next.withOpen(lowered), subject, AlertEventType.DE_ESCALATED, lowered,
                "de-escalated to " + word(confirmed) + ": " + assessment.detail(), at);
        }
        if (!at.isBefore(open.lastEventAt().plus(updateEvery))) {
            OpenAlert paced = updated.emitted(at, updated.acknowledged());
            return emit(next.withOpen(paced), subject, AlertEventType.UPDATED, paced,
                "still " + word(confirmed) + ", " + paced.occurrences() + " occurrences: " + assessment.detail(), at);
        }
        return Step.quiet(next.withOpen(updated));
    }

    /** ACKNOWLEDGED for the open alert the command names; anything else changes nothing. */
    public Step acknowledge(RuleState state, AlertSubject subject, AlertCommand command) {
        OpenAlert open = state.open();
        if (open == null || !open.alertId().equals(command.alertId()) || open.acknowledged()) {
            return Step.quiet(state);
        }
        OpenAlert acknowledged = open.emitted(command.at(), true);
        String note = command.note().isBlank() ? "" : ": " + command.note();
        return emit(state.withOpen(acknowledged), subject, AlertEventType.ACKNOWLEDGED, acknowledged,
            "acknowledged by " + command.operator() + note, command.at());
    }

    private static Map<Severity, Instant> pending(Map<Severity, Instant> before, Severity level, Instant at) {
        Map<Severity, Instant> after = new EnumMap<>(Severity.class);
        if (level == null) {
            return after;
        }
        for (Severity severity : Severity.values()) {
            if (severity.compareTo(level) <= 0) {
                Instant since = before.get(severity);
                after.put(severity, since == null || since.isAfter(at) ? at : since);
            }
        }
        return after;
    }

    private static Severity confirmed(Map<Severity, Instant> pending, Severity level, Duration holdFor, Instant at) {
        if (level == null) {
            return null;
        }
        Severity result = null;
        for (Map.Entry<Severity, Instant> entry : pending.entrySet()) {
            if (!entry.getValue().plus(holdFor).isAfter(at)) {
                result = entry.getKey();
            }
        }
        return result;
    }

    private static Step emit(RuleState state, AlertSubject subject, AlertEventType type, OpenAlert alert,
                             String message, Instant at) {
        AlertEvent event = new AlertEvent(alert.alertId(), type, subject.ruleId(), subject.park(),
            subject.enterprise(), subject.pointKey(), alert.severity(), alert.firstSeen(), alert.lastSeen(),
            alert.peak(), alert.occurrences(), message, at);
        return new Step(state, List.of(event));
    }

    private static String word(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }
}
