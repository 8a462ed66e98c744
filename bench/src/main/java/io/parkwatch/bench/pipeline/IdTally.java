package io.parkwatch.bench.pipeline;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code parkwatch.readings.v1} as it is written and marks each of the load's readings by
 * the number in its message id: a reading whose bit is already set is a duplicate. What is sent
 * but never marked is lost before Kafka. Only the three fields it needs are picked out of each
 * record's JSON: a full decode would make this instrument one of the run's larger CPU users.
 */
final class IdTally implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
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
            new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.READINGS.name()));
        this.thread = new Thread(this::poll, "bench-id-tally");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.value() != null) {
                    String json = new String(record.value(), StandardCharsets.UTF_8);
                    mark(field(json, "park"), field(json, "sourceFormat"), field(json, "messageId"));
                }
            }
        }
        consumer.close();
    }

    /** The text of a top-level string field; null when absent. Ids and parks hold no escapes. */
    static String field(String json, String name) {
        String marker = "\"" + name + "\":\"";
        int at = json.indexOf(marker);
        if (at < 0) {
            return null;
        }
        int start = at + marker.length();
        return json.substring(start, json.indexOf('"', start));
    }

    private synchronized void mark(String park, String format, String messageId) {
        long key = park == null || format == null || messageId == null ? -1 : load.key(park, format, messageId);
        if (key < 0 || key > Integer.MAX_VALUE) {
            foreign++;
            return;
        }
        BitSet bits = seen.computeIfAbsent(SourceFormat.valueOf(format), f -> new BitSet());
        if (bits.get((int) key)) {
            duplicates++;
        } else {
            bits.set((int) key);
            distinct++;
        }
    }

    long key(String format, String messageId) {
        return load.key(FieldLoad.PARK, format, messageId);
    }

    /** The readings seen in Kafka whose bit is not in {@code landed}, per format. */
    synchronized LandedIds.Missing missingFrom(Map<String, BitSet> landed) {
        Map<String, Long> byFormat = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        seen.forEach((format, bits) -> {
            BitSet missing = (BitSet) bits.clone();
            missing.andNot(landed.getOrDefault(format.name(), new BitSet()));
            byFormat.put(format.name(), (long) missing.cardinality());
            missing.stream().limit(10 - examples.size()).forEach(bit -> examples.add(format.name() + "#" + bit));
        });
        return new LandedIds.Missing(byFormat, examples);
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
