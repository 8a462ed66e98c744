package io.parkwatch.bench.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Once a second, the cumulative counts of a run: readings acknowledged by the broker, readings of
 * the load in Kafka (duplicates included), points the sink wrote to InfluxDB (all measurements).
 */
final class Timeline implements AutoCloseable {

    /** One sample; {@code seconds} since the warm-up started, {@code step} the index of the step sending (-1 otherwise). */
    record Point(double seconds, int step, long sent, long inKafka, long sinkWritten) {
    }

    private final long startNanos = System.nanoTime();
    private final long startMillis = System.currentTimeMillis();
    private final List<Point> points = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-timeline");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int step = -1;

    Timeline(LongSupplier sent, LongSupplier inKafka, LongSupplier sinkWritten) {
        timer.scheduleAtFixedRate(() -> add(new Point((System.nanoTime() - startNanos) / 1e9, step,
            sent.getAsLong(), inKafka.getAsLong(), sinkWritten.getAsLong())), 0, 1, TimeUnit.SECONDS);
    }

    void step(int index) {
        step = index;
    }

    long startMillis() {
        return startMillis;
    }

    private synchronized void add(Point point) {
        points.add(point);
    }

    synchronized List<Point> points() {
        return List.copyOf(points);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
