package io.parkwatch.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.alerts.judge.LevelJudge;
import io.parkwatch.alerts.rule.Direction;
import io.parkwatch.alerts.rule.Level;
import io.parkwatch.alerts.rule.LevelCondition;
import io.parkwatch.alerts.state.Assessment;
import io.parkwatch.alerts.state.RuleState;
import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final LevelCondition LEL = new LevelCondition(Direction.ABOVE, List.of(
        new Level(Severity.WARNING, 25, 20), new Level(Severity.CRITICAL, 50, 45)), null, null, null);

    private final AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofMinutes(15));
    private final List<AlertEvent> events = new ArrayList<>();
    private RuleState state = RuleState.EMPTY;

    private void observe(AlertSubject subject, double value, Instant at) {
        Severity current = state.open() == null ? null : state.open().severity();
        Severity level = LevelJudge.level(LEL, value, current);
        AlertLifecycle.Step step = lifecycle.assess(state, subject, new Assessment(level, value, "lel " + value), at);
        state = step.state();
        events.addAll(step.events());
    }

    private void observe(double value, Instant at) {
        observe(subject(Duration.ZERO), value, at);
    }

    private static AlertSubject subject(Duration holdFor) {
        return new AlertSubject("lel", "combustible gas", "p", "e", "p/e/det-1", Direction.ABOVE, holdFor);
    }

    private List<AlertEventType> types() {
        return events.stream().map(AlertEvent::type).toList();
    }

    @Test
    void aValueHoveringAroundTheTriggerRaisesOnceAndDoesNotFlap() {
        double[] values = {24, 26, 24.5, 25.5, 21, 26, 22, 25.1};
        for (int i = 0; i < values.length; i++) {
            observe(values[i], T0.plusSeconds(i * 10L));
        }
        assertThat(types()).containsExactly(AlertEventType.RAISED);
        assertThat(state.open().occurrences()).isEqualTo(7);
        assertThat(state.open().peak()).isEqualTo(26.0);
    }

    @Test
    void clearsOnlyAtTheClearThreshold() {
        observe(30, T0);
        observe(20.5, T0.plusSeconds(10));
        observe(20, T0.plusSeconds(20));

        assertThat(types()).containsExactly(AlertEventType.RAISED, AlertEventType.CLEARED);
        AlertEvent cleared = events.get(1);
        assertThat(cleared.occurrences()).isEqualTo(2);
        assertThat(cleared.lastSeen()).isEqualTo(T0.plusSeconds(10));
        assertThat(cleared.at()).isEqualTo(T0.plusSeconds(20));
        assertThat(state.open()).isNull();
    }

    @Test
    void escalatesAndDeEscalatesWithHysteresisOnEachLevel() {
        observe(30, T0);
        observe(55, T0.plusSeconds(10));
        observe(47, T0.plusSeconds(20));
        observe(44, T0.plusSeconds(30));
        observe(51, T0.plusSeconds(40));

        assertThat(types()).containsExactly(AlertEventType.RAISED, AlertEventType.ESCALATED,
            AlertEventType.DE_ESCALATED, AlertEventType.ESCALATED);
        assertThat(events.get(1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(events.get(2).severity()).isEqualTo(Severity.WARNING);
        assertThat(events).extracting(AlertEvent::alertId).containsOnly(events.get(0).alertId());
        assertThat(state.open().peak()).isEqualTo(55.0);
    }

    @Test
    void aLevelWithADurationIsReachedOnlyAfterHoldingThatLong() {
        AlertSubject fiveMinutes = subject(Duration.ofMinutes(5));
        observe(fiveMinutes, 30, T0);
        observe(fiveMinutes, 30, T0.plusSeconds(240));
        assertThat(events).isEmpty();

        observe(fiveMinutes, 30, T0.plusSeconds(300));
        assertThat(types()).containsExactly(AlertEventType.RAISED);
        assertThat(events.get(0).firstSeen()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void anInterruptionRestartsTheDuration() {
        AlertSubject fiveMinutes = subject(Duration.ofMinutes(5));
        observe(fiveMinutes, 30, T0);
        observe(fiveMinutes, 10, T0.plusSeconds(200));
        observe(fiveMinutes, 30, T0.plusSeconds(240));
        observe(fiveMinutes, 30, T0.plusSeconds(400));
        assertThat(events).isEmpty();
        observe(fiveMinutes, 30, T0.plusSeconds(540));
        assertThat(types()).containsExactly(AlertEventType.RAISED);
    }

    @Test
    void aFloodOfRepeatsKeepsOneAlertAndSendsUpdatesSparingly() {
        for (int i = 0; i < 1000; i++) {
            observe(30 + i % 5, T0.plusSeconds(i));
        }
        assertThat(types()).containsExactly(AlertEventType.RAISED, AlertEventType.UPDATED);
        AlertEvent update = events.get(1);
        assertThat(update.at()).isEqualTo(T0.plusSeconds(900));
        assertThat(update.occurrences()).isEqualTo(901);
        assertThat(update.peakValue()).isEqualTo(34.0);
        assertThat(state.open().occurrences()).isEqualTo(1000);
    }

    @Test
    void anAcknowledgementIsEmittedOnceForTheOpenAlert() {
        observe(30, T0);
        String id = state.open().alertId();
        AlertCommand ack = new AlertCommand(id, "zhang", "crew sent", T0.plusSeconds(60));

        AlertLifecycle.Step first = lifecycle.acknowledge(state, subject(Duration.ZERO), ack);
        AlertLifecycle.Step again = lifecycle.acknowledge(first.state(), subject(Duration.ZERO), ack);
        AlertLifecycle.Step wrongId = lifecycle.acknowledge(state, subject(Duration.ZERO),
            new AlertCommand(id + "0", "zhang", "", T0));

        assertThat(first.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.ACKNOWLEDGED);
            assertThat(event.alertId()).isEqualTo(id);
            assertThat(event.message()).isEqualTo("acknowledged by zhang: crew sent");
        });
        assertThat(first.state().open().acknowledged()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(wrongId.events()).isEmpty();
    }

    @Test
    void anEscalationAfterAcknowledgementNeedsANewAcknowledgement() {
        observe(30, T0);
        state = lifecycle.acknowledge(state, subject(Duration.ZERO),
            new AlertCommand(state.open().alertId(), "zhang", "", T0.plusSeconds(5))).state();
        observe(60, T0.plusSeconds(10));
        assertThat(state.open().acknowledged()).isFalse();
    }

    @Test
    void aProblemThatReturnsAfterAClearIsANewAlert() {
        observe(30, T0);
        observe(10, T0.plusSeconds(10));
        observe(30, T0.plusSeconds(20));
        assertThat(types()).containsExactly(AlertEventType.RAISED, AlertEventType.CLEARED, AlertEventType.RAISED);
        assertThat(events.get(2).alertId()).isNotEqualTo(events.get(0).alertId());
        assertThat(events.get(2).occurrences()).isEqualTo(1);
    }

    @Test
    void timeAloneConfirmsAHeldLevelAsOfItsDueInstantWithoutCountingOrMovingEventTime() {
        AlertSubject fiveMinutes = subject(Duration.ofMinutes(5));
        observe(fiveMinutes, 30, T0);
        assertThat(lifecycle.dueAt(state, fiveMinutes.holdFor())).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(lifecycle.elapse(state, fiveMinutes, T0.plus(Duration.ofMinutes(4))).events()).isEmpty();

        AlertLifecycle.Step step = lifecycle.elapse(state, fiveMinutes, T0.plus(Duration.ofMinutes(9)));

        assertThat(step.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AlertEventType.RAISED);
            assertThat(event.firstSeen()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(event.occurrences()).isEqualTo(1);
        });
        assertThat(step.state().lastAssessedAt()).as("a reading after T0 is still in order").isEqualTo(T0);
        assertThat(lifecycle.dueAt(step.state(), fiveMinutes.holdFor())).as("nothing more waits").isNull();
    }

    @Test
    void anAcknowledgementCarriesTheOperatorAndNoteInTheirOwnFields() {
        observe(30, T0);
        AlertLifecycle.Step step = lifecycle.acknowledge(state, subject(Duration.ZERO),
            new AlertCommand(state.open().alertId(), "li.wei", "crew: sent", T0.plusSeconds(5)));

        assertThat(step.events()).singleElement().satisfies(event -> {
            assertThat(event.acknowledgedBy()).isEqualTo("li.wei");
            assertThat(event.note()).isEqualTo("crew: sent");
            assertThat(event.value()).isEqualTo(30.0);
        });
    }
}
