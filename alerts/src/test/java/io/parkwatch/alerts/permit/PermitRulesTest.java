package io.parkwatch.alerts.permit;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.alerts.rule.LevelCondition;
import io.parkwatch.alerts.rule.MeanWindow;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.rule.RulePack;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.permit.file.PermitFileReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermitRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final String PERMIT = """
        version: 1
        permit: 91150581XXXXXXXXX1001P
        park: p
        enterprise: e
        outlets:
          - id: DA001
            name: kiln tail
            medium: air
            points: [stack-1, stack-1b]
            pollutants:
              - {pollutant: a21002, limit: 400, unit: mg/m3, oxygen: 10, period: hour, basis: GB 4915-2013}
              - {pollutant: a34013, limit: 20000, unit: ug/m3, period: hour}
          - id: DW001
            medium: water
            points: [ww-1]
            pollutants:
              - {pollutant: w01018, limit: 60, unit: mg/L, period: day, annualTonnes: 12}
        """;

    static Permit permit() {
        return PermitFileReader.read("permit.yaml", PERMIT);
    }

    @Test
    void compilesOneRuleOfTheEnginePerOutletAndPollutantThatTheRuleReaderAccepts() {
        RulePack pack = RuleFileReader.read("compiled", PermitRules.packYaml(permit(), SHANGHAI));

        assertThat(pack.name()).isEqualTo("permit.p.e");
        assertThat(pack.rules()).extracting(Rule::id).containsExactly("permit.p.e.DA001.a21002",
            "permit.p.e.DA001.a34013", "permit.p.e.DW001.w01018");
        Rule nox = pack.rules().get(0);
        assertThat(nox.permit()).isEqualTo("91150581XXXXXXXXX1001P");
        assertThat(nox.permittedPoints()).containsExactlyInAnyOrder("p/e/stack-1", "p/e/stack-1b");
        assertThat(nox.match().units()).containsExactly("mg/m3");
        assertThat(nox.match().matchesMetric("a21002-ZsAvg-hour")).isTrue();
        assertThat(nox.match().matchesMetric("a21026-Rtd")).isFalse();
        assertThat(nox.description()).isEqualTo("Nitrogen oxides (NOx) hourly mean over 400 mg/m3 at 10 % O2 at outlet"
            + " DA001 kiln tail, permit 91150581XXXXXXXXX1001P (GB 4915-2013)");
        LevelCondition level = (LevelCondition) nox.condition();
        assertThat(level.levels()).singleElement().satisfies(l -> assertThat(l.trigger()).isEqualTo(400.0));
        assertThat(level.oxygen().referencePercent()).isEqualTo(10.0);
        assertThat(level.window()).isEqualTo(new MeanWindow(Duration.ofHours(1), Duration.ofMinutes(10), 0.75));
    }

    @Test
    void statesTheLimitInTheFactorsUnitAndJudgesWasteWaterOnLocalDaysWithEveryValueNormal() {
        RulePack pack = RuleFileReader.read("compiled", PermitRules.packYaml(permit(), SHANGHAI));

        LevelCondition dust = (LevelCondition) pack.rules().get(1).condition();
        assertThat(dust.levels().get(0).trigger()).as("20000 ug/m3 in a34013's mg/m3").isEqualTo(20.0);
        assertThat(dust.oxygen()).as("no reference O2 stated: judged as measured").isNull();
        Rule cod = pack.rules().get(2);
        LevelCondition daily = (LevelCondition) cod.condition();
        assertThat(daily.window()).isEqualTo(new MeanWindow(Duration.ofDays(1), Duration.ofHours(1), 1.0, SHANGHAI));
        assertThat(daily.oxygen()).isNull();
        assertThat(cod.match().metrics()).extracting(Object::toString)
            .containsExactly("w01018-Rtd", "w01018-Avg-hour", "w01018-Avg-day");
    }

    @Test
    void aDailyWindowRunsFromLocalMidnightToLocalMidnight() {
        MeanWindow day = new MeanWindow(Duration.ofDays(1), Duration.ofHours(1), 1.0, SHANGHAI);
        long start = day.startOf(Instant.parse("2026-11-23T15:30:00Z").toEpochMilli());

        assertThat(Instant.ofEpochMilli(start)).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(Instant.ofEpochMilli(day.closeAt(start))).isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(Set.of(day.startOf(Instant.parse("2026-11-23T16:00:00Z").toEpochMilli())))
            .containsExactly(Instant.parse("2026-11-23T16:00:00Z").toEpochMilli());
    }
}
