package io.parkwatch.alerts.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parkwatch.alerts.lifecycle.AlertLifecycle;
import io.parkwatch.alerts.lifecycle.AlertSubject;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.rulefile.RuleFileException;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.alerts.state.RuleState;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.ParkZones;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaTest {

    private final AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofDays(365));
    private final List<AlertEvent> events = new ArrayList<>();
    private RuleState state = RuleState.EMPTY;
    /** The zone the registry gives the readings' park. */
    private ZoneId parkZone = ParkZones.DEFAULT;

    private static Rule rule(String quotaYaml) {
        return RuleFileReader.read("quota.yaml", "rules:\n  - id: budget\n    match: {metric: energy}\n"
            + "    quota:\n" + quotaYaml.indent(6)).rules().get(0);
    }

    private void observe(Rule rule, double value, String at) {
        Reading reading = TestReadings.value("meter-1", Domain.ENERGY, "energy", value, "kWh", Instant.parse(at),
            Quality.N);
        ReadingJudge.Judgement judgement = ReadingJudge.judge(rule, reading, state, value, park -> parkZone);
        AlertLifecycle.Step step = lifecycle.assess(judgement.state(), AlertSubject.of(rule, "p", "e",
            reading.pointKey()), judgement.assessment(), reading.observedAt());
        state = step.state();
        events.addAll(step.events());
    }

    @Test
    void aMeterWalksUpThroughTheBudgetLevelsAndANewMonthClears() {
        Rule monthly = rule("budget: 1000\nperiod: month\nzone: UTC\n");
        observe(monthly, 5000, "2026-11-01T00:30:00Z");
        observe(monthly, 5500, "2026-11-10T00:00:00Z");
        observe(monthly, 5850, "2026-11-20T00:00:00Z");
        observe(monthly, 5950, "2026-11-25T00:00:00Z");
        observe(monthly, 6010, "2026-11-28T00:00:00Z");
        observe(monthly, 6020, "2026-12-01T01:00:00Z");

        assertThat(events).extracting(AlertEvent::type, AlertEvent::severity).containsExactly(
            tuple(AlertEventType.RAISED, Severity.INFO),
            tuple(AlertEventType.ESCALATED, Severity.WARNING),
            tuple(AlertEventType.ESCALATED, Severity.CRITICAL),
            tuple(AlertEventType.CLEARED, Severity.CRITICAL));
        assertThat(events.get(2).peakValue()).isEqualTo(101.0);
    }

    @Test
    void aProjectedOverrunWarnsBeforeTheBudgetIsReached() {
        Rule daily = rule("budget: 100\nperiod: day\nzone: UTC\ncounter: false\nprojected: warning\n");
        observe(daily, 10, "2026-11-23T03:00:00Z");
        assertThat(events).isEmpty();
        observe(daily, 30, "2026-11-23T06:00:00Z");

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.severity()).isEqualTo(Severity.WARNING);
            assertThat(event.message()).contains("40 kWh of 100").contains("projected 160 %");
        });
    }

    @Test
    void aQuotaWithoutAZoneCountsDaysInTheParksOwnZone() {
        // Kashgar's park: its day starts at 18:00 UTC, not at Shanghai's 16:00 UTC.
        parkZone = ZoneId.of("Asia/Urumqi");
        Rule daily = rule("budget: 100\nperiod: day\ncounter: false\n");
        observe(daily, 95, "2026-11-23T10:00:00Z");
        // 17:00 UTC is still 23 November in Urumqi (in Shanghai it would be a new day, reset to 0).
        observe(daily, 10, "2026-11-23T17:00:00Z");
        assertThat(events).extracting(AlertEvent::type, AlertEvent::severity).containsExactly(
            tuple(AlertEventType.RAISED, Severity.WARNING), tuple(AlertEventType.ESCALATED, Severity.CRITICAL));
        // 18:30 UTC is 24 November in Urumqi: a new day clears it.
        observe(daily, 1, "2026-11-23T18:30:00Z");
        assertThat(events).extracting(AlertEvent::type).containsExactly(AlertEventType.RAISED,
            AlertEventType.ESCALATED, AlertEventType.CLEARED);
    }

    @Test
    void aQuotaNamingAZoneKeepsItWhateverThePark() {
        parkZone = ZoneId.of("Asia/Urumqi");
        Rule daily = rule("budget: 100\nperiod: day\nzone: Asia/Shanghai\ncounter: false\n");
        observe(daily, 95, "2026-11-23T10:00:00Z");
        // 17:00 UTC is 24 November in Shanghai: a new day, whose 10 kWh clear the warning.
        observe(daily, 10, "2026-11-23T17:00:00Z");
        assertThat(events).extracting(AlertEvent::type).containsExactly(AlertEventType.RAISED,
            AlertEventType.CLEARED);
    }

    @Test
    void aBadPeriodIsNamed() {
        RuleFileException e = assertThrows(RuleFileException.class,
            () -> rule("budget: 100\nperiod: week\n"));
        assertThat(e.field()).isEqualTo("rules[0].quota.period");
        assertThat(e.line()).isEqualTo(6);
    }

    @Test
    void aBadScopeIsNamed() {
        RuleFileException e = assertThrows(RuleFileException.class,
            () -> rule("budget: 100\nscope: park\n"));
        assertThat(e.field()).isEqualTo("rules[0].quota.scope");
    }
}
