package io.parkwatch.bench.pipeline;

import java.time.Duration;
import java.util.Optional;

/**
 * Gathers the bridge's lines into write bodies: a batch goes out when it holds {@code maxPoints}
 * lines, or when its oldest line has waited {@code flushAfter}, whichever comes first (what
 * Telegraf's {@code metric_batch_size} and {@code flush_interval} do). Times are the caller's
 * {@link System#nanoTime()} readings, so that a test can fix them. Not thread-safe.
 */
final class LineBatcher {

    /** A write body of {@code points} lines. */
    record Batch(String body, int points) {
    }

    private final int maxPoints;
    private final long flushAfterNanos;
    private StringBuilder body = new StringBuilder();
    private int points;
    private long oldestNanos;

    LineBatcher(int maxPoints, Duration flushAfter) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be >= 1: " + maxPoints);
        }
        if (flushAfter.isNegative() || flushAfter.isZero()) {
            throw new IllegalArgumentException("flushAfter must be positive: " + flushAfter);
        }
        this.maxPoints = maxPoints;
        this.flushAfterNanos = flushAfter.toNanos();
    }

    /** Adds one line; the batch when this line filled it. */
    Optional<Batch> add(CharSequence line, long nowNanos) {
        if (points == 0) {
            oldestNanos = nowNanos;
        } else {
            body.append('\n');
        }
        body.append(line);
        points++;
        return points >= maxPoints ? take() : Optional.empty();
    }

    /** The batch when its oldest line has waited the flush interval. */
    Optional<Batch> due(long nowNanos) {
        return points > 0 && nowNanos - oldestNanos >= flushAfterNanos ? take() : Optional.empty();
    }

    /** Whatever is gathered, at once (on closing). */
    Optional<Batch> drain() {
        return points > 0 ? take() : Optional.empty();
    }

    private Optional<Batch> take() {
        Batch batch = new Batch(body.toString(), points);
        body = new StringBuilder(batch.body().length() + 256);
        points = 0;
        return Optional.of(batch);
    }
}
