package io.parkwatch.console.board;

import static io.parkwatch.console.board.AlertEvents.T0;
import static io.parkwatch.console.board.AlertEvents.acknowledged;
import static io.parkwatch.console.board.AlertEvents.event;
import static io.parkwatch.console.board.AlertEvents.raised;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.registry.Module;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FoldedAlertBoardTest {

    private final Clock clock = Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    private final FoldedAlertBoard board = new FoldedAlertBoard(clock, 100, 3, Duration.ofHours(24));

    private static AlertFilter all() {
        return new AlertFilter(Optional.empty(), Optional.empty(), Optional.empty(), EnumSet.allOf(AlertState.class),
            Optional.empty(), 100);
    }

    @Test
    void foldsRaiseUpdateAcknowledgeAndClear() {
        board.apply(raised("a1", "e001", Severity.WARNING, T0));
        board.apply(event("a1", AlertEventType.UPDATED, "e001", Severity.WARNING, 50, "LEL 42 above 25",
            T0.plusSeconds(60)));
        board.apply(acknowledged("a1", "e001", Severity.WARNING, 50, "ops-li", "valve closed: crew sent",
            T0.plusSeconds(90)));

        BoardAlert acked = board.alert("a1").orElseThrow();
        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(acked.acknowledgedBy()).isEqualTo("ops-li");
        assertThat(acked.note()).isEqualTo("valve closed: crew sent");
        assertThat(acked.occurrences()).isEqualTo(50);
        assertThat(acked.message()).isEqualTo("LEL 42 above 25");
        assertThat(acked.updatedAt()).isEqualTo(T0.plusSeconds(90));

        board.apply(event("a1", AlertEventType.CLEARED, "e001", Severity.WARNING, 50, "back below",
            T0.plusSeconds(120)));
        BoardAlert cleared = board.alert("a1").orElseThrow();
        assertThat(cleared.state()).isEqualTo(AlertState.CLEARED);
        assertThat(cleared.acknowledgedBy()).isEqualTo("ops-li");
        assertThat(board.find(AlertFilter.active(10))).isEmpty();
        assertThat(board.find(all())).extracting(BoardAlert::alertId).containsExactly("a1");
    }

    @Test
    void escalationNeedsAFreshAcknowledgement() {
        board.apply(raised("a1", "e001", Severity.WARNING, T0));
        board.apply(acknowledged("a1", "e001", Severity.WARNING, 1, "ops", "", T0.plusSeconds(1)));
        board.apply(event("a1", AlertEventType.ESCALATED, "e001", Severity.CRITICAL, 2, "LEL 60", T0.plusSeconds(2)));

        BoardAlert alert = board.alert("a1").orElseThrow();
        assertThat(alert.state()).isEqualTo(AlertState.OPEN);
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.acknowledgedBy()).isNull();
    }

    @Test
    void keepsOnlyTheLatestClearedAlerts() {
        for (int i = 0; i < 5; i++) {
            board.apply(raised("a" + i, "e001", Severity.WARNING, T0.plusSeconds(i)));
            board.apply(event("a" + i, AlertEventType.CLEARED, "e001", Severity.WARNING, 1, "ok",
                T0.plusSeconds(10 + i)));
        }
        assertThat(board.find(all())).extracting(BoardAlert::alertId).containsExactly("a4", "a3", "a2");
        assertThat(board.alert("a0")).isEmpty();
    }

    @Test
    void dropsClearedAlertsOlderThanTheRecentWindow() {
        FoldedAlertBoard shortMemory = new FoldedAlertBoard(clock, 100, 100, Duration.ofMinutes(30));
        shortMemory.apply(raised("old", "e001", Severity.WARNING, T0));
        shortMemory.apply(event("old", AlertEventType.CLEARED, "e001", Severity.WARNING, 1, "ok", T0.plusSeconds(5)));
        shortMemory.apply(raised("new", "e001", Severity.WARNING, T0));
        shortMemory.apply(event("new", AlertEventType.CLEARED, "e001", Severity.WARNING, 1, "ok",
            T0.plusSeconds(3000)));
        assertThat(shortMemory.find(all())).extracting(BoardAlert::alertId).containsExactly("new");
    }

    @Test
    void ignoresLateEventsOfAClearedAlertButReopensADataGap() {
        board.apply(raised("data-gap:p", "e001", Severity.WARNING, T0));
        board.apply(event("data-gap:p", AlertEventType.CLEARED, "e001", Severity.WARNING, 1, "back", T0.plusSeconds(5)));
        board.apply(event("data-gap:p", AlertEventType.UPDATED, "e001", Severity.WARNING, 9, "late", T0.plusSeconds(6)));
        assertThat(board.alert("data-gap:p").orElseThrow().state()).isEqualTo(AlertState.CLEARED);

        board.apply(raised("data-gap:p", "e001", Severity.WARNING, T0.plusSeconds(60)));
        assertThat(board.alert("data-gap:p").orElseThrow().state()).isEqualTo(AlertState.OPEN);
        assertThat(board.find(all())).hasSize(1);
    }

    @Test
    void listsMostSevereThenNewestAndFiltersBySeverityEnterpriseSinceAndLimit() {
        board.apply(raised("w-old", "e001", Severity.WARNING, T0));
        board.apply(raised("w-new", "e002", Severity.WARNING, T0.plusSeconds(30)));
        board.apply(raised("c", "e001", Severity.CRITICAL, T0.plusSeconds(10)));

        assertThat(board.find(all())).extracting(BoardAlert::alertId).containsExactly("c", "w-new", "w-old");
        AlertFilter e001 = all().forEnterprise("e001");
        assertThat(board.find(e001)).extracting(BoardAlert::alertId).containsExactly("c", "w-old");
        AlertFilter warnings = new AlertFilter(Optional.empty(), Optional.empty(), Optional.of(Severity.WARNING),
            AlertFilter.NOT_CLEARED, Optional.of(T0.plusSeconds(5)), 100);
        assertThat(board.find(warnings)).extracting(BoardAlert::alertId).containsExactly("w-new");
        AlertFilter one = new AlertFilter(Optional.of("xilinhot"), Optional.empty(), Optional.empty(),
            AlertFilter.NOT_CLEARED, Optional.empty(), 1);
        assertThat(board.find(one)).extracting(BoardAlert::alertId).containsExactly("c");
        AlertFilter otherPark = new AlertFilter(Optional.of("ordos"), Optional.empty(), Optional.empty(),
            AlertFilter.NOT_CLEARED, Optional.empty(), 10);
        assertThat(board.find(otherPark)).isEmpty();
    }

    @Test
    void boundsTheOpenAlertsByDroppingTheLeastRecentlyChanged() {
        FoldedAlertBoard small = new FoldedAlertBoard(clock, 2, 10, Duration.ofHours(1));
        small.apply(raised("a", "e001", Severity.WARNING, T0));
        small.apply(raised("b", "e001", Severity.WARNING, T0.plusSeconds(1)));
        small.apply(raised("c", "e001", Severity.WARNING, T0.plusSeconds(2)));
        assertThat(small.find(all())).extracting(BoardAlert::alertId).containsExactly("c", "b");
    }

    @Test
    void tellsSubscribersEachChangeUntilTheyUnsubscribe() throws Exception {
        List<BoardAlert> seen = new ArrayList<>();
        AutoCloseable subscription = board.subscribe(seen::add);
        board.apply(raised("a1", "e001", Severity.WARNING, T0));
        board.apply(event("a1", AlertEventType.UPDATED, "e001", Severity.WARNING, 7, "more", T0.plusSeconds(1)));
        subscription.close();
        board.apply(event("a1", AlertEventType.CLEARED, "e001", Severity.WARNING, 7, "ok", T0.plusSeconds(2)));
        assertThat(seen).extracting(BoardAlert::occurrences).containsExactly(1L, 7L);
    }

    @Test
    void takesOperatorAndNoteFromTheEventsFieldsNotFromItsMessage() {
        board.apply(raised("a1", "e001", Severity.WARNING, T0));
        board.apply(event("a1", AlertEventType.ACKNOWLEDGED, "e001", Severity.WARNING, 1,
            "acknowledged by someone: else", T0.plusSeconds(1)).acknowledgedBy("ops: night", "on it"));

        BoardAlert alert = board.alert("a1").orElseThrow();
        assertThat(alert.acknowledgedBy()).isEqualTo("ops: night");
        assertThat(alert.note()).isEqualTo("on it");
    }

    @Test
    void showsModuleMetricValueAndLimitOfTheLatestEvent() {
        board.apply(raised("a1", "e001", Severity.WARNING, T0));

        BoardAlert alert = board.alert("a1").orElseThrow();
        assertThat(alert.module()).isEqualTo(Module.SAFETY);
        assertThat(alert.metric()).isEqualTo("lel");
        assertThat(alert.value()).isEqualTo(42.0);
        assertThat(alert.limit()).isEqualTo(25.0);
    }

    @Test
    void keepsTheLastKnownValueWhenAnEventDoesNotCarryOne() {
        board.apply(raised("a1", "e001", Severity.WARNING, T0));
        AlertEvent bare = AlertEvent.builder()
            .alertId("a1")
            .type(AlertEventType.UPDATED)
            .ruleId("gas-lel")
            .park("xilinhot")
            .enterprise("e001")
            .pointKey("xilinhot/e001/gas-01")
            .severity(Severity.WARNING)
            .firstSeen(T0)
            .lastSeen(T0.plusSeconds(5))
            .peakValue(42.0)
            .occurrences(2)
            .message("older producer")
            .at(T0.plusSeconds(5))
            .build();
        board.apply(bare);

        assertThat(board.alert("a1").orElseThrow().limit()).isEqualTo(25.0);
        assertThat(board.alert("a1").orElseThrow().occurrences()).isEqualTo(2);
    }
}
