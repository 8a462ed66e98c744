package io.parkwatch.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SteadyWarmUpTest {

    private static StepResult round(long alertsExpected, long alertsArrived) {
        return new StepResult(10_000, 10_000, 9_900, 200_000, 50_000, 0, 200_000, 0, 200_000, 0, alertsExpected,
            new StepResult.Latency(alertsArrived, 200, 900, 1_000), 20, 20.5, true, Map.of(), List.of());
    }

    @Test
    void aRoundIsSteadyOnlyWhenTheCompilersWereMostlyIdleAndEveryAlertArrived() {
        assertThat(SteadyWarmUp.outcome(round(512, 512), 0.05).steady()).isTrue();
        assertThat(SteadyWarmUp.outcome(round(512, 512), 0.8).steady()).as("JIT still compiling").isFalse();
        assertThat(SteadyWarmUp.outcome(round(512, 300), 0.05).steady()).as("alerts behind").isFalse();
    }

    @Test
    void theCompilingShareIsTheCompilersTimeOverTheRounds() throws Exception {
        AtomicLong compiledMillis = new AtomicLong(1_000);
        SteadyWarmUp warmUp = new SteadyWarmUp(compiledMillis::get);

        SteadyWarmUp.Outcome outcome = warmUp.round(() -> {
            compiledMillis.addAndGet(1_000);
            return round(10, 10);
        });

        assertThat(outcome.compilingShare()).isGreaterThan(SteadyWarmUp.SETTLED_SHARE);
        assertThat(outcome.steady()).isFalse();
    }
}
