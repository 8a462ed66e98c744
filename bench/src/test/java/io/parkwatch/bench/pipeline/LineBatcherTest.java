package io.parkwatch.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bridge's batching, on a fixed clock: full batches go at once, partial ones after the flush interval. */
class LineBatcherTest {

    private static final long SECOND = 1_000_000_000L;

    private final LineBatcher batcher = new LineBatcher(3, Duration.ofSeconds(1));

    @Test
    void aBatchGoesOutWithTheLineThatFillsIt() {
        assertThat(batcher.add("a", 0)).isEmpty();
        assertThat(batcher.add("b", 1)).isEmpty();
        Optional<LineBatcher.Batch> full = batcher.add("c", 2);

        assertThat(full).contains(new LineBatcher.Batch("a\nb\nc", 3));
        assertThat(batcher.drain()).as("nothing left after a full batch").isEmpty();
    }

    @Test
    void aPartialBatchIsDueOnlyOnceItsOldestLineWaitedTheFlushInterval() {
        batcher.add("a", 10 * SECOND);
        batcher.add("b", 10 * SECOND + SECOND / 2);

        assertThat(batcher.due(11 * SECOND - 1)).isEmpty();
        assertThat(batcher.due(11 * SECOND)).contains(new LineBatcher.Batch("a\nb", 2));
        assertThat(batcher.due(20 * SECOND)).as("an empty batcher has nothing due").isEmpty();
    }

    @Test
    void theFlushIntervalCountsFromTheFirstLineOfTheNextBatch() {
        batcher.add("a", 0);
        batcher.add("b", 0);
        batcher.add("c", 0);
        batcher.add("d", 5 * SECOND);

        assertThat(batcher.due(5 * SECOND + SECOND / 2)).isEmpty();
        assertThat(batcher.due(6 * SECOND)).contains(new LineBatcher.Batch("d", 1));
    }

    @Test
    void drainingHandsOverWhateverIsGathered() {
        batcher.add("a", 0);

        assertThat(batcher.drain()).contains(new LineBatcher.Batch("a", 1));
        assertThat(batcher.drain()).isEmpty();
    }

    @Test
    void refusesAnEmptyBatchSizeOrFlushInterval() {
        assertThatThrownBy(() -> new LineBatcher(0, Duration.ofSeconds(1))).hasMessageContaining("maxPoints");
        assertThatThrownBy(() -> new LineBatcher(1, Duration.ZERO)).hasMessageContaining("flushAfter");
    }
}
