package io.parkwatch.bench.crash;

import io.parkwatch.bench.ReadingsFromNow;
import io.parkwatch.contracts.reading.Reading;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Counts, per message id, the readings of one run that reach the readings topic, reading from
 * the topic's end as it was when the tally started.
 */
public final class ReadingIdTally implements AutoCloseable {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread poller;

    public ReadingIdTally(String kafka, String runPrefix) {
        KafkaConsumer<String, Reading> consumer = ReadingsFromNow.open(kafka);
        this.poller = new Thread(() -> poll(consumer, runPrefix), "reading-id-tally");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll(KafkaConsumer<String, Reading> consumer, String runPrefix) {
        try (consumer) {
            while (!stop.get()) {
                for (ConsumerRecord<String, Reading> record : consumer.poll(Duration.ofMillis(100))) {
                    String id = record.value().messageId();
                    if (id.startsWith(runPrefix)) {
                        counts.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
    }

    /** Message ids seen at least once. */
    public int distinct() {
        return counts.size();
    }

    public boolean contains(String messageId) {
        return counts.containsKey(messageId);
    }

    /** Records beyond the first of each message id. */
    public long duplicates() {
        return counts.values().stream().mapToLong(count -> count - 1).sum();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        poller.join(10_000);
    }
}
