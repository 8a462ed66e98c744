package io.parkwatch.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CPU budget's arithmetic: µs per reading from cores and the readings/s sustained, and its table. */
class StageBudgetTest {

    @Test
    void microsPerReadingIsCoresTimesAMillionOverTheSustainedRate() {
        Map<String, Double> cores = new LinkedHashMap<>();
        cores.put(ThreadStage.GATEWAY, 0.2);
        cores.put("mosquitto", 0.05);
        cores.put(StageBudget.JVM_INTERNALS, 0.25);

        List<StageBudget.Row> rows = StageBudget.perReading(cores, 2000);

        assertThat(rows).extracting(StageBudget.Row::stage)
            .containsExactly(ThreadStage.GATEWAY, "mosquitto", StageBudget.JVM_INTERNALS, StageBudget.TOTAL);
        assertThat(rows.get(0).microsPerReading()).as("0.2 cores at 2,000 readings/s").isCloseTo(100.0, within(1e-9));
        assertThat(rows.get(1).microsPerReading()).isCloseTo(25.0, within(1e-9));
        assertThat(rows.get(3).cores()).as("the total is the sum of the stages").isCloseTo(0.5, within(1e-12));
        assertThat(rows.get(3).microsPerReading()).isCloseTo(250.0, within(1e-9));
    }

    @Test
    void aStepThatSustainedNothingHasNoFigurePerReading() {
        List<StageBudget.Row> rows = StageBudget.perReading(Map.of(ThreadStage.SINK, 0.3), 0);

        assertThat(rows).extracting(StageBudget.Row::microsPerReading).containsOnlyNulls();
        assertThat(StageBudget.table(rows, "  ")).contains("sink").contains(" 0.300           -");
    }
}
