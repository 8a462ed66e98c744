package io.parkwatch.cli.bench.pipeline;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads {@code parkwatch.readings.v1} as it is written and marks each of the load's readings by
 * the number in its message id: a reading whose bit is already set is a duplicate. What is sent
 * but never marked is lost before Kafka.
 */
final class IdTally implements AutoCloseable {

    private final KafkaConsumer<String, Reading> consumer;
    private final FieldLoad load;
    private final Map<SourceFormat, BitSet> seen = new EnumMap<>(SourceFormat.class);
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private long distinct;
    private long duplicates;
    private long foreign;

    IdTally(String bootstrap, FieldLoad load) {
        this.load = load;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, "bench-tally-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
            Topics.READINGS.keySerde().deserializer(), Topics.READINGS.valueSerde().deserializer());
        consumer.subscribe(List.of(Topics.READINGS.name()));
        this.thread = new Thread(this::poll, "bench-id-tally");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, Reading> record : consumer.poll(Duration.ofMillis(100))) {
                mark(record.value());
            }
        }
        consumer.close();
    }

    private synchronized void mark(Reading reading) {
        long key = reading == null ? -1 : load.key(reading);
        if (key < 0 || key > Integer.MAX_VALUE) {
            foreign++;
            return;
        }
        BitSet bits = seen.computeIfAbsent(reading.sourceFormat(), f -> new BitSet());
        if (bits.get((int) key)) {
            duplicates++;
        } else {
            bits.set((int) key);
            distinct++;
        }
    }

    /** Counts so far: distinct readings of the load, duplicates of them, records of anything else. */
    synchronized Counts counts() {
        return new Counts(distinct, duplicates, foreign);
    }

    record Counts(long distinct, long duplicates, long foreign) {

        Counts minus(Counts before) {
            return new Counts(distinct - before.distinct, duplicates - before.duplicates, foreign - before.foreign);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
