package io.parkwatch.bench.field;

import io.parkwatch.bench.ReadingsFromNow;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The soak park's readings in the readings topic, from the topic's end when the tally started,
 * per report: an HJ 212 packet's readings {@code MN|QN|metric} under {@code MN|QN}, a JT/T 808
 * report's {@code terminal|serial|epochMillis} (and its {@code …|mileage}) under the first three
 * parts. A reading id seen more than once is a duplicate (a report resent after its answer was lost).
 */
final class ReportTally implements AutoCloseable {

    private final Map<String, Integer> readings = new ConcurrentHashMap<>();
    private final Map<String, Boolean> reports = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread poller;

    ReportTally(String kafka) {
        KafkaConsumer<String, Reading> consumer = ReadingsFromNow.open(kafka);
        this.poller = new Thread(() -> poll(consumer), "field-report-tally");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll(KafkaConsumer<String, Reading> consumer) {
        try (consumer) {
            while (!stop.get()) {
                for (ConsumerRecord<String, Reading> record : consumer.poll(Duration.ofMillis(100))) {
                    Reading reading = record.value();
                    if (reading != null && FieldFleet.PARK.equals(reading.park())) {
                        readings.merge(reading.messageId(), 1, Integer::sum);
                        reports.put(reportKey(reading.messageId(), reading.sourceFormat()), Boolean.TRUE);
                    }
                }
            }
        }
    }

    static String reportKey(String messageId, SourceFormat format) {
        String[] parts = messageId.split("\\|");
        int keep = format == SourceFormat.JT808 ? 3 : parts.length - 1;
        return String.join("|", List.of(parts).subList(0, Math.max(1, Math.min(keep, parts.length))));
    }

    boolean contains(String reportKey) {
        return reports.containsKey(reportKey);
    }

    int reports() {
        return reports.size();
    }

    /** Records beyond the first of each reading id. */
    long duplicates() {
        return readings.values().stream().mapToLong(count -> count - 1).sum();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        poller.join(10_000);
    }
}
