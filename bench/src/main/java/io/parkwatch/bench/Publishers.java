package io.parkwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.eclipse.paho.mqttv5.common.MqttException;

/** The load's publishers, each on its own thread, sharing one run's messages between them. */
public final class Publishers implements AutoCloseable {

    private final List<QosOnePublisher> publishers;
    private final ExecutorService threads;

    private Publishers(List<QosOnePublisher> publishers) {
        this.publishers = publishers;
        this.threads = Executors.newFixedThreadPool(publishers.size(), r -> new Thread(r, "bench-publisher"));
    }

    /** Connects one publisher per enterprise of the load; client ids start with {@code prefix}. */
    public static Publishers connect(String uri, BenchLoad load, String prefix) throws MqttException {
        List<QosOnePublisher> connected = new ArrayList<>();
        try {
            for (int p = 0; p < load.publishers(); p++) {
                connected.add(QosOnePublisher.connect(uri, load, p, prefix + "-" + p));
            }
        } catch (MqttException | RuntimeException e) {
            connected.forEach(QosOnePublisher::close);
            throw e;
        }
        return new Publishers(connected);
    }

    /** Starts sending messages {@code 0..total-1} of {@code run}; the future ends when all are acknowledged. */
    public CompletableFuture<Void> start(String run, long total) {
        return start(run, total, () -> Long.MAX_VALUE);
    }

    /** As {@link #start(String, long)}, each message number sent only once {@code released} exceeds it. */
    public CompletableFuture<Void> start(String run, long total, LongSupplier released) {
        CompletableFuture<?>[] each = new CompletableFuture<?>[publishers.size()];
        for (int p = 0; p < publishers.size(); p++) {
            int offset = p;
            QosOnePublisher publisher = publishers.get(p);
            each[p] = CompletableFuture.runAsync(() -> {
                try {
                    publisher.publish(run, total, publishers.size(), offset, released);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("publisher interrupted");
                }
            }, threads);
        }
        return CompletableFuture.allOf(each);
    }

    /** Messages acknowledged by the broker so far, over all publishers and runs. */
    public long acknowledged() {
        return publishers.stream().mapToLong(QosOnePublisher::acknowledged).sum();
    }

    /** PUBACKs with reason 0x10 (no gateway subscribed), each message sent again; over all publishers. */
    public long notDelivered() {
        return publishers.stream().mapToLong(QosOnePublisher::notDelivered).sum();
    }

    /** PUBACKs by reason code, per publisher (index = the load's publisher number). */
    public List<Map<Integer, Long>> reasonCodes() {
        return publishers.stream().map(QosOnePublisher::reasonCodes).toList();
    }

    @Override
    public void close() {
        threads.shutdownNow();
        publishers.forEach(QosOnePublisher::close);
    }
}
