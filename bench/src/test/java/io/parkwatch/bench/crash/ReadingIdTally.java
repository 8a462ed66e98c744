package io.parkwatch.bench.crash;

import io.parkwatch.bench.ReadingsFromNow;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts, per message id, the readings of one run that reach the readings topic, reading from
 * the topic's end as it was when the tally started. Records that are no reading are skipped and
 * counted; if the tally stops reading for any other reason, every figure it gives throws rather
 * than report a count that no longer moves.
 */
public final class ReadingIdTally implements AutoCloseable {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ReadingsFromNow readings;
    private final Thread poller;
    private volatile RuntimeException failure;

    public ReadingIdTally(String kafka, String runPrefix) {
        this.readings = ReadingsFromNow.open(kafka);
        this.poller = new Thread(() -> poll(runPrefix), "reading-id-tally");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll(String runPrefix) {
        try (readings) {
            while (!stop.get()) {
                readings.poll(Duration.ofMillis(100), reading -> {
                    if (reading.messageId().startsWith(runPrefix)) {
                        counts.merge(reading.messageId(), 1, Integer::sum);
                    }
                });
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Message ids seen at least once. */
    public int distinct() {
        alive();
        return counts.size();
    }

    public boolean contains(String messageId) {
        alive();
        return counts.containsKey(messageId);
    }

    /** Records beyond the first of each message id. */
    public long duplicates() {
        alive();
        return counts.values().stream().mapToLong(count -> count - 1).sum();
    }

    /** Records of the readings topic that were no reading, skipped. */
    long unreadable() {
        return readings.unreadable();
    }

    private void alive() {
        if (failure != null) {
            throw new IllegalStateException("the readings tally stopped reading; its counts are stale", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        poller.join(10_000);
    }
}
