package io.parkwatch.alerts.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkwatch.alerts.rule.AlarmBitsCondition;
import io.parkwatch.alerts.rule.Condition;
import io.parkwatch.alerts.rule.Direction;
import io.parkwatch.alerts.rule.Level;
import io.parkwatch.alerts.rule.LevelCondition;
import io.parkwatch.alerts.rule.MetricPattern;
import io.parkwatch.alerts.rule.OxygenReference;
import io.parkwatch.alerts.rule.QualityCondition;
import io.parkwatch.alerts.rule.RateOfChange;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.rule.RuleMatch;
import io.parkwatch.alerts.state.RuleState;
import io.parkwatch.alerts.state.WindowMean;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.ParkZones;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EvaluatorsTest {

    private static final Function<String, ZoneId> PARK_ZONES = park -> ParkZones.DEFAULT;

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static Rule rule(Condition condition) {
        return new Rule("r", "test rule", new RuleMatch(Set.of(), List.of(new MetricPattern("*")), Set.of(), Set.of(),
            Set.of(), Set.of()), condition, Duration.ZERO, null);
    }

    @Test
    void belowLevelsRaiseUnderTheTriggerAndHoldUntilTheClear() {
        LevelCondition oxygenLow = new LevelCondition(Direction.BELOW,
            List.of(new Level(Severity.CRITICAL, 19.5, 19.8)), null, null, null);
        assertThat(LevelJudge.level(oxygenLow, 19.6, null)).isNull();
        assertThat(LevelJudge.level(oxygenLow, 19.4, null)).isEqualTo(Severity.CRITICAL);
        assertThat(LevelJudge.level(oxygenLow, 19.7, Severity.CRITICAL)).isEqualTo(Severity.CRITICAL);
        assertThat(LevelJudge.level(oxygenLow, 19.8, Severity.CRITICAL)).isNull();
    }

    @Test
    void aValueExactlyAtTheLimitComplies() {
        LevelCondition so2 = new LevelCondition(Direction.ABOVE, List.of(new Level(Severity.CRITICAL, 35, 35)), null,
            null, null);
        assertThat(LevelJudge.level(so2, 35, null)).isNull();
        assertThat(LevelJudge.level(so2, 35.01, null)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void rateOfChangeComparesConsecutiveReadingsPerUnitOfTime() {
        Rule rising = rule(new LevelCondition(Direction.ABOVE, List.of(new Level(Severity.WARNING, 5, 2)), null,
            new RateOfChange(Duration.ofMinutes(1)), null));
        Reading first = TestReadings.gas("lel", 10, "%LEL", T0);
        Reading second = TestReadings.gas("lel", 13, "%LEL", T0.plusSeconds(30));

        ReadingJudge.Judgement initial = ReadingJudge.judge(rising, first, RuleState.EMPTY, 10.0, PARK_ZONES);
        ReadingJudge.Judgement next = ReadingJudge.judge(rising, second, initial.state(), 13.0, PARK_ZONES);

        assertThat(initial.assessment()).isNull();
        assertThat(next.assessment().value()).isCloseTo(6.0, within(1e-9));
        assertThat(next.assessment().level()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aFlaggedValueIsNotJudgedAgainstLevels() {
        Rule so2 = rule(new LevelCondition(Direction.ABOVE, List.of(new Level(Severity.CRITICAL, 35, 35)), null, null,
            null));
        Reading faulty = TestReadings.value("stack-1", Domain.EMISSIONS, "a21026-Rtd", 900, "mg/m3", T0, Quality.D);
        assertThat(ReadingJudge.judge(so2, faulty, RuleState.EMPTY, 900.0, PARK_ZONES).assessment()).isNull();
    }

    @Test
    void dataFlagsRaiseTheWorstStandingFlagAndClearWhenEveryMetricIsNormalAgain() {
        Rule flags = rule(new QualityCondition(Map.of(Quality.D, Severity.CRITICAL, Quality.B, Severity.WARNING)));
        Reading so2Fault = TestReadings.value("s", Domain.EMISSIONS, "a21026-Rtd", 1, "mg/m3", T0, Quality.D);
        Reading noxComms = TestReadings.value("s", Domain.EMISSIONS, "a21002-Rtd", 1, "mg/m3", T0, Quality.B);
        Reading so2Ok = TestReadings.value("s", Domain.EMISSIONS, "a21026-Rtd", 1, "mg/m3", T0, Quality.N);
        Reading noxOk = TestReadings.value("s", Domain.EMISSIONS, "a21002-Rtd", 1, "mg/m3", T0, Quality.N);

        ReadingJudge.Judgement a = ReadingJudge.judge(flags, so2Fault, RuleState.EMPTY, 1.0, PARK_ZONES);
        ReadingJudge.Judgement b = ReadingJudge.judge(flags, noxComms, a.state(), 1.0, PARK_ZONES);
        ReadingJudge.Judgement c = ReadingJudge.judge(flags, so2Ok, b.state(), 1.0, PARK_ZONES);
        ReadingJudge.Judgement d = ReadingJudge.judge(flags, noxOk, c.state(), 1.0, PARK_ZONES);

        assertThat(a.assessment().level()).isEqualTo(Severity.CRITICAL);
        assertThat(b.assessment().level()).isEqualTo(Severity.CRITICAL);
        assertThat(c.assessment().level()).isEqualTo(Severity.WARNING);
        assertThat(d.assessment().level()).isNull();
    }

    @Test
    void alarmBitsRaiseOnlyForTheRulesBits() {
        AlarmBitsCondition emergency = new AlarmBitsCondition(Map.of(0, Severity.CRITICAL));
        assertThat(FlagJudge.alarm(emergency, TestReadings.position(0b01, T0).position())).isEqualTo(Severity.CRITICAL);
        assertThat(FlagJudge.alarm(emergency, TestReadings.position(0b10, T0).position())).isNull();
        assertThat(FlagJudge.alarm(emergency, TestReadings.position(0, T0).position())).isNull();
    }

    @Test
    void oxygenConversionFollowsTheStandardsFormula() {
        OxygenReference sixPercent = new OxygenReference(6, "a19001", Duration.ofHours(2));
        assertThat(sixPercent.convert(40, 6)).isCloseTo(40.0, within(1e-9));
        assertThat(sixPercent.convert(30, 10)).isCloseTo(30 * 15.0 / 11.0, within(1e-9));
        assertThat(sixPercent.convert(30, 21)).isNaN();
        assertThat(sixPercent.oxygenMetricFor("a21026-Avg")).isEqualTo("a19001-Avg");
        assertThat(OxygenReference.alreadyConverted("a21026-ZsAvg")).isTrue();
        assertThat(OxygenReference.alreadyConverted("a21026-Avg")).isFalse();
    }

    @Test
    void metricPatternsMatchExactlyOrWithWildcards() {
        assertThat(new MetricPattern("a21026-Avg").matches("a21026-Avg")).isTrue();
        assertThat(new MetricPattern("a21026-Avg").matches("a21026-AvgX")).isFalse();
        assertThat(new MetricPattern("a21026-*").matches("a21026-ZsRtd")).isTrue();
        assertThat(new MetricPattern("*-ZsAvg").matches("a21002-ZsAvg")).isTrue();
        assertThat(new MetricPattern("*-ZsAvg").matches("a21002-Avg")).isFalse();
    }

    @Test
    void windowMeansNeedEnoughNormalValues() {
        WindowMean mean = new WindowMean("p", "e", "p/e/s", "r", "m", "mg/m3", 0, 1, 0, 0, 0)
            .add(40, true).add(30, true).add(999, false);
        assertThat(mean.mean(0.75)).isNaN();
        assertThat(mean.mean(0.5)).isEqualTo(35.0);
    }

    @Test
    void formatKeepsTwoDecimalsWithoutTrailingZeros() {
        assertThat(ReadingJudge.format(60.0)).isEqualTo("60");
        assertThat(ReadingJudge.format(2.675)).isEqualTo("2.68");
        assertThat(ReadingJudge.format(19.5)).isEqualTo("19.5");
        assertThat(ReadingJudge.format(-0.001)).isEqualTo("-0");
    }
}
