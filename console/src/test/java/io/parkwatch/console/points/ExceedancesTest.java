package io.parkwatch.console.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.rules.RuleLimit;
import io.parkwatch.contracts.alert.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExceedancesTest {

    private static final List<RuleLimit> SO2 = List.of(
        new RuleLimit("so2", Severity.WARNING, 30, true, null, (p, d, m) -> true),
        new RuleLimit("so2", Severity.CRITICAL, 35, true, null, (p, d, m) -> true));

    @Test
    void aNormalReadingPastALimitIsMarkedWithTheWorstLevelItPasses() {
        List<Map<String, Object>> found = SeriesHandler.exceedances(List.of(
            new SeriesData.Reading("t1", 29, "N"),
            new SeriesData.Reading("t2", 30, "N"),
            new SeriesData.Reading("t3", 31, "N"),
            new SeriesData.Reading("t4", 40, "N")), SO2);
        assertThat(found).extracting(e -> e.get("time") + "=" + e.get("severity"))
            .containsExactly("t3=WARNING", "t4=CRITICAL");
    }

    @Test
    void aFlaggedReadingIsNotJudged() {
        assertThat(SeriesHandler.exceedances(List.of(new SeriesData.Reading("t1", 80, "D")), SO2)).isEmpty();
    }

    @Test
    void aBelowLimitMarksLowerValues() {
        RuleLimit oxygen = new RuleLimit("o2-low", Severity.CRITICAL, 19.5, false, null, (p, d, m) -> true);
        assertThat(SeriesHandler.exceedances(List.of(new SeriesData.Reading("t1", 19.0, "N"),
            new SeriesData.Reading("t2", 20.9, "N")), List.of(oxygen))).extracting(e -> e.get("time"))
            .containsExactly("t1");
    }
}
