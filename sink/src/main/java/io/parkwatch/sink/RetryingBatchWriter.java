package io.parkwatch.sink;

import com.influxdb.client.write.Point;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.transport.health.FailureStreak;
import io.parkwatch.transport.retry.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch until it is stored. A failed dependency is retried with back-off for as long
 * as it takes (the caller holds its offsets meanwhile); points the server refuses are isolated by
 * splitting the batch and returned as rejections, so one bad point never blocks the rest.
 */
final class RetryingBatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingBatchWriter.class);

    /** Waits between retries; the sink keeps its consumer alive meanwhile. */
    @FunctionalInterface
    interface Waiter {
        void waitFor(Duration delay) throws InterruptedException;
    }

    private final PointWriter writer;
    private final Backoff backoff;
    private final SinkMetrics metrics;
    private final Waiter waiter;
    private final Clock clock;
    private final FailureStreak writes;

    RetryingBatchWriter(PointWriter writer, Backoff backoff, SinkMetrics metrics, Waiter waiter, Clock clock) {
        this.writer = writer;
        this.backoff = backoff;
        this.metrics = metrics;
        this.waiter = waiter;
        this.clock = clock;
        this.writes = new FailureStreak(clock);
    }

    /** Whether writes are failing on InfluxDB (unavailable or refusing the configuration), since when. */
    FailureStreak writes() {
        return writes;
    }

    /** One attempt at writing; {@link #writeRetrying} repeats it while a dependency fails. */
    @FunctionalInterface
    private interface Attempt {
        void run() throws PointWriteException;
    }

    /** An empty batch for the writer, to fill before {@link #write(PointBatch)}. */
    PointBatch newBatch(int expectedPoints) {
        return writer.newBatch(expectedPoints);
    }

    /** Stores every point of the batch the server accepts; returns one rejection per point it refused. */
    List<Rejection> write(PointBatch batch) throws InterruptedException {
        return write(batch.points(), batch::write);
    }

    /** Stores every point the server accepts; returns one rejection per point it refused. */
    List<Rejection> write(List<Point> points) throws InterruptedException {
        return write(points, () -> writer.write(points));
    }

    private List<Rejection> write(List<Point> points, Attempt attempt) throws InterruptedException {
        if (points.isEmpty()) {
            return List.of();
        }
        try {
            long started = System.nanoTime();
            writeRetrying(attempt);
            metrics.written(points.size(), System.nanoTime() - started);
            return List.of();
        } catch (PointsRejectedException refused) {
            if (points.size() == 1) {
                metrics.rejected();
                return List.of(rejection(points.get(0), refused));
            }
            int half = points.size() / 2;
            List<Rejection> rejections = new ArrayList<>(write(points.subList(0, half)));
            rejections.addAll(write(points.subList(half, points.size())));
            return rejections;
        }
    }

    private void writeRetrying(Attempt attempt) throws PointsRejectedException, InterruptedException {
        for (int attempts = 1; ; attempts++) {
            try {
                attempt.run();
                writes.succeeded();
                return;
            } catch (PointsRejectedException refused) {
                // The server answered: it is reachable, only these points are bad.
                writes.succeeded();
                throw refused;
            } catch (PointWriteException failed) {
                writes.failed(failed);
                // Unavailable or misconfigured: neither is the data's fault, so the batch waits.
                Duration delay = delay(attempts, failed);
                metrics.retried();
                if (failed instanceof InfluxConfigurationException) {
                    LOG.error("InfluxDB refuses the sink's configuration ({}); fix it, retrying in {} ms",
                        failed.getMessage(), delay.toMillis());
                } else {
                    LOG.warn("InfluxDB unavailable ({}); retry {} in {} ms", failed.getMessage(), attempts,
                        delay.toMillis());
                }
                waiter.waitFor(delay);
            }
        }
    }

    /** The back-off, or longer when a throttling server asked for it (Retry-After on 429/503). */
    private Duration delay(int attempt, PointWriteException failed) {
        Duration delay = backoff.delay(attempt);
        if (failed instanceof InfluxUnavailableException unavailable && unavailable.retryAfter().isPresent()
                && unavailable.retryAfter().get().compareTo(delay) > 0) {
            return unavailable.retryAfter().get();
        }
        return delay;
    }

    private Rejection rejection(Point point, PointsRejectedException refused) {
        return new Rejection("sink:influxdb", null, null, null, RejectReason.SINK_REFUSED, refused.serverMessage(),
            point.toLineProtocol().getBytes(StandardCharsets.UTF_8), clock.instant());
    }
}
