package io.parkwatch.bench.field;

import io.parkwatch.bench.ReadingsFromNow;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The soak park's readings in the readings topic, from the topic's end when the tally started,
 * per report: an HJ 212 packet's readings {@code MN|QN|metric} under {@code MN|QN}, a JT/T 808
 * report's {@code terminal|serial|epochMillis} (and its {@code …|mileage}) under the first three
 * parts. A reading id seen more than once is a duplicate (a report resent after its answer was lost).
 * Records that are no reading are skipped and counted; if the tally stops reading otherwise, its
 * figures throw rather than stay frozen.
 */
final class ReportTally implements AutoCloseable {

    private final Map<String, Integer> readings = new ConcurrentHashMap<>();
    private final Map<String, Boolean> reports = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ReadingsFromNow source;
    private final Thread poller;
    private volatile RuntimeException failure;

    ReportTally(String kafka) {
        this.source = ReadingsFromNow.open(kafka);
        this.poller = new Thread(this::poll, "field-report-tally");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try (source) {
            while (!stop.get()) {
                source.poll(Duration.ofMillis(100), this::count);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void count(Reading reading) {
        if (FieldFleet.PARK.equals(reading.park())) {
            readings.merge(reading.messageId(), 1, Integer::sum);
            reports.put(reportKey(reading.messageId(), reading.sourceFormat()), Boolean.TRUE);
        }
    }

    static String reportKey(String messageId, SourceFormat format) {
        String[] parts = messageId.split("\\|");
        int keep = format == SourceFormat.JT808 ? 3 : parts.length - 1;
        return String.join("|", List.of(parts).subList(0, Math.max(1, Math.min(keep, parts.length))));
    }

    boolean contains(String reportKey) {
        alive();
        return reports.containsKey(reportKey);
    }

    int reports() {
        alive();
        return reports.size();
    }

    /** Records beyond the first of each reading id. */
    long duplicates() {
        alive();
        return readings.values().stream().mapToLong(count -> count - 1).sum();
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
