package io.parkwatch.alerts.lifecycle;

import io.parkwatch.alerts.state.Assessment;
import io.parkwatch.alerts.state.OpenAlert;
import io.parkwatch.alerts.state.RuleState;
import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.AlertIds;
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
        return step(state, subject, assessment, at, true);
    }

    /**
     * Time alone: when a level has held for its {@code for:} duration by {@code now} and no
     * reading has come to say so, confirms it as of the instant it became due. The last
     * assessment stands in for the readings that did not come; nothing is counted, and the
     * event-time order of real readings is left as it was.
     */
    public Step elapse(RuleState state, AlertSubject subject, Instant now) {
        Instant due = dueAt(state, subject.holdFor());
        if (due == null || due.isAfter(now)) {
            return Step.quiet(state);
        }
        Step step = step(state, subject, state.holding(), due, false);
        RuleState kept = step.state().withPending(step.state().pendingSince(), state.lastAssessedAt());
        return new Step(kept, step.events());
    }

    /** When the next pending level will have held long enough, or null when none is waiting. */
    public Instant dueAt(RuleState state, Duration holdFor) {
        if (holdFor.isZero() || state.holding() == null) {
            return null;
        }
        Severity confirmed = state.open() == null ? null : state.open().severity();
        Instant due = null;
        for (Map.Entry<Severity, Instant> entry : state.pendingSince().entrySet()) {
            Instant candidate = entry.getValue().plus(holdFor);
            if ((confirmed == null || entry.getKey().compareTo(confirmed) > 0)
                && (due == null || candidate.isBefore(due))) {
                due = candidate;
            }
        }
        return due;
    }

    private Step step(RuleState state, AlertSubject subject, Assessment assessment, Instant at, boolean observed) {
        Map<Severity, Instant> pending = pending(state.pendingSince(), assessment.level(), at);
        Severity confirmed = confirmed(pending, assessment.level(), subject.holdFor(), at);
        OpenAlert open = state.open();
        boolean holding = !subject.holdFor().isZero() && assessment.level() != null;
        RuleState next = state.withPending(pending, at).withHolding(holding ? assessment : null);
        if (open == null) {
            if (confirmed == null) {
                return Step.quiet(next);
            }
            OpenAlert raised = new OpenAlert(AlertIds.threshold(subject.pointKey(), subject.ruleId(), at), confirmed, at, at,
                assessment.value(), 1, false, at, assessment.metric(), assessment.value(), assessment.limit(confirmed));
            return emit(next.withOpen(raised), subject, AlertEventType.RAISED, raised,
                word(confirmed) + ": " + subject.ruleDescription() + " — " + assessment.detail(), at);
        }
        if (confirmed == null) {
            OpenAlert last = open.latest(assessment);
            return emit(next.withOpen(null), subject, AlertEventType.CLEARED, last, "cleared: " + assessment.detail(),
                at);
        }
        OpenAlert updated = open.absorb(confirmed, assessment, at, subject.direction(), observed);
        return changed(next, subject, open, updated, assessment, at);
    }

    private Step changed(RuleState next, AlertSubject subject, OpenAlert open, OpenAlert updated,
                         Assessment assessment, Instant at) {
        Severity confirmed = updated.severity();
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

    /** CLEARED for an open alert whose rule was withdrawn or changed; {@code why} says which. */
    public Step close(RuleState state, AlertSubject subject, String why, Instant at) {
        OpenAlert open = state.open();
        if (open == null) {
            return Step.quiet(state.memoryOnly());
        }
        return emit(state.memoryOnly(), subject, AlertEventType.CLEARED, open, "cleared: " + why, at);
    }

    /** ACKNOWLEDGED for the open alert the command names; anything else changes nothing. */
    public Step acknowledge(RuleState state, AlertSubject subject, AlertCommand command) {
        OpenAlert open = state.open();
        if (open == null || !open.alertId().equals(command.alertId()) || open.acknowledged()) {
            return Step.quiet(state);
        }
        OpenAlert acknowledged = open.emitted(command.at(), true);
        String note = command.note().isBlank() ? "" : ": " + command.note();
        Step step = emit(state.withOpen(acknowledged), subject, AlertEventType.ACKNOWLEDGED, acknowledged,
            "acknowledged by " + command.operator() + note, command.at());
        return new Step(step.state(), List.of(step.events().get(0).acknowledgedBy(command.operator(), command.note())));
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
        AlertEvent event = AlertEvent.builder()
            .alertId(alert.alertId())
            .type(type)
            .ruleId(subject.ruleId())
            .park(subject.park())
            .enterprise(subject.enterprise())
            .pointKey(subject.pointKey())
            .severity(alert.severity())
            .firstSeen(alert.firstSeen())
            .lastSeen(alert.lastSeen())
            .peakValue(alert.peak())
            .occurrences(alert.occurrences())
            .message(message)
            .at(at)
            .module(subject.module())
            .metric(alert.metric())
            .value(alert.value())
            .limit(alert.limit())
            .build();
        return new Step(state, List.of(event));
    }

    private static String word(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }
}
