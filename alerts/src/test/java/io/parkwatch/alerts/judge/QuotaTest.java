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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaTest {

    private final AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofDays(365));
    private final List<AlertEvent> events = new ArrayList<>();
    private RuleState state = RuleState.EMPTY;

    private static Rule rule(String quotaYaml) {
        return RuleFileReader.read("quota.yaml", "rules:\n  - id: budget\n    match: {metric: energy}\n"
            + "    quota:\n" + quotaYaml.indent(6)).rules().get(0);
    }

    private void observe(Rule rule, double value, String at) {
        Reading reading = TestReadings.value("meter-1", Domain.ENERGY, "energy", value, "kWh", Instant.parse(at),
            Quality.N);
        ReadingJudge.Judgement judgement = ReadingJudge.judge(rule, reading, state, value);
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
