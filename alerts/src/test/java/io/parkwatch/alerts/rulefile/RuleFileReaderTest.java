package io.parkwatch.alerts.rulefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.alerts.rule.Level;
import io.parkwatch.alerts.rule.LevelCondition;
import io.parkwatch.alerts.rule.MeanWindow;
import io.parkwatch.alerts.rule.OxygenReference;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.rule.RuleBook;
import io.parkwatch.alerts.rule.RulePack;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Domain;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleFileReaderTest {

    private static RuleFileException failure(String yaml) {
        try {
            RuleFileReader.read("rules.yaml", yaml);
        } catch (RuleFileException e) {
            return e;
        }
        throw new AssertionError("expected the rule file to be refused");
    }

    @Test
    void readsEveryPartOfALevelRule() {
        RulePack pack = RuleFileReader.read("rules.yaml", """
            pack: site
            rules:
              - id: so2
                description: SO2 hourly
                profile: ultra-low
                match:
                  domain: EMISSIONS
                  metric: [a21026-Rtd, "a21026-Zs*"]
                  pointKind: cems-stack
                  park: xilinhot
                above:
                  warning: {trigger: 30, clear: 28}
                  critical: 35
                window: {size: 1h, grace: 10m}
                oxygen: {reference: 6}
                for: 5m
            """);
        assertThat(pack.name()).isEqualTo("site");
        Rule rule = pack.rules().get(0);
        assertThat(rule.match().domains()).containsExactly(Domain.EMISSIONS);
        assertThat(rule.match().pointKinds()).containsExactly("cems-stack");
        assertThat(rule.match().matchesMetric("a21026-ZsAvg")).isTrue();
        assertThat(rule.holdFor()).isEqualTo(Duration.ofMinutes(5));
        LevelCondition condition = (LevelCondition) rule.condition();
        assertThat(condition.levels()).containsExactly(new Level(Severity.WARNING, 30, 28),
            new Level(Severity.CRITICAL, 35, 35));
        assertThat(condition.window()).isEqualTo(new MeanWindow(Duration.ofHours(1), Duration.ofMinutes(10), 0.75));
        assertThat(condition.oxygen()).isEqualTo(new OxygenReference(6, "a19001", Duration.ofHours(2)));
    }

    @Test
    void aBadNumberNamesItsLineAndField() {
        RuleFileException e = failure("""
            rules:
              - id: lel
                match: {metric: lel}
                above:
                  warning: {trigger: 25, clear: twenty}
            """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("rules[0].above.warning.clear");
        assertThat(e.getMessage()).startsWith("rules.yaml line 5, field rules[0].above.warning.clear:")
            .contains("expected a number, got 'twenty'");
    }

    @Test
    void aPpmConversionNeedsAPositiveMolarMassAndALevelRule() {
        assertThat(failure("""
            rules:
              - id: h2s
                match: {metric: h2s}
                ppm: {molarMass: -34}
                above: {warning: 10}
            """).field()).isEqualTo("rules[0].ppm.molarMass");
        assertThat(failure("""
            rules:
              - id: h2s
                match: {metric: h2s}
                ppm: {molarMass: 34.08}
                flags: {D: critical}
            """).field()).isEqualTo("rules[0].ppm");
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() {
        RuleFileException e = failure("""
            rules:
              - id: lel
                match: {metric: lel}
                above:
                  warning: {trigger: 25, claer: 20}
            """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("rules[0].above.warning.claer");
        assertThat(e.getMessage()).contains("unknown field");
    }

    @Test
    void aClearThresholdPastItsTriggerIsRefused() {
        RuleFileException e = failure("""
            rules:
              - id: lel
                match: {metric: lel}
                above:
                  warning: {trigger: 25, clear: 30}
            """);
        assertThat(e.field()).isEqualTo("rules[0].above.warning.clear");
    }

    @Test
    void unknownSeverityDomainAndFlagAreNamed() {
        assertThat(failure("""
            rules:
              - id: a
                match: {metric: lel}
                above: {severe: 25}
            """).field()).isEqualTo("rules[0].above.severe");
        assertThat(failure("""
            rules:
              - id: a
                match: {metric: lel, domain: AIR}
                above: {warning: 25}
            """).getMessage()).contains("line 3").contains("unknown domain 'AIR'");
        assertThat(failure("""
            rules:
              - id: a
                match: {metric: "*"}
                flags: {X: warning}
            """).field()).isEqualTo("rules[0].flags.X");
    }

    @Test
    void aRuleNeedsExactlyOneConditionAndAUniqueId() {
        assertThat(failure("""
            rules:
              - id: a
                match: {metric: lel}
                above: {warning: 25}
                below: {warning: 5}
            """).getMessage()).contains("line 2").contains("exactly one of");
        assertThat(failure("""
            rules:
              - id: a
                match: {metric: lel}
                above: {warning: 25}
              - id: a
                match: {metric: lel}
                above: {warning: 25}
            """).getMessage()).contains("line 5").contains("used twice");
    }

    @Test
    void brokenYamlReportsTheLineOfTheProblem() {
        RuleFileException e = failure("rules:\n  - id: a\n    match: {metric: lel\n    above: {warning: 25}\n");
        assertThat(e.getMessage()).startsWith("rules.yaml line ").contains("not valid YAML");
        assertThat(e.line()).isGreaterThan(2);
    }

    @Test
    void theDefaultPackLoadsWithBothEmissionProfiles() {
        RulePack pack = RuleFileReader.defaultPack();
        assertThat(pack.name()).isEqualTo("default");
        assertThat(pack.rules()).extracting(Rule::id).contains("so2-hourly-ultra-low", "so2-hourly-gb13223",
            "combustible-gas", "oxygen-low", "h2s", "carbon-monoxide", "emission-instrument", "vehicle-emergency",
            "vehicle-overspeed");
        RuleBook ultraLow = RuleBook.of(List.of(pack), Set.of("ultra-low"));
        RuleBook gb13223 = RuleBook.of(List.of(pack), Set.of("gb13223"));
        assertThat(ultraLow.rule("so2-hourly-ultra-low")).isNotNull();
        assertThat(ultraLow.rule("so2-hourly-gb13223")).isNull();
        assertThat(gb13223.rule("so2-hourly-gb13223")).isNotNull();
        assertThat(gb13223.rule("combustible-gas")).isNotNull();
    }
}
