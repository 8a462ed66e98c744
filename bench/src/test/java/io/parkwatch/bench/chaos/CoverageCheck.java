package io.parkwatch.bench.chaos;

import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.streams.coverage.CoverageConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The chaos run's coverage rows (two instances, kills, restarts) against what one instance computes
 * from the same registry and readings ({@link CoverageReplay}). The real rows are those of the run's
 * last full cadence (every key at one {@code computedAt}) that lies at least one cadence and a margin
 * after the last reading, so the park stage had every last good reading; the check waits for such a
 * cadence (at most two cadences and the margin), and fails if none comes. Everything is read from
 * the beginning, read-committed.
 */
final class CoverageCheck {

    /** How long past one cadence after the last reading the compared instant must be: the hop between stages. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private CoverageCheck() {
    }

    static CoverageComparison run(String kafka, Path stateDir) throws InterruptedException {
        long began = System.nanoTime();
        CoverageConfig config = CoverageConfig.defaults();
        List<CoverageReplay.Input> inputs = new ArrayList<>(readAll(kafka, Topics.REGISTRY.name()));
        int registry = inputs.size();
        inputs.addAll(readAll(kafka, Topics.READINGS.name()));
        long lastReading = inputs.subList(registry, inputs.size()).stream()
            .mapToLong(CoverageReplay.Input::timestamp).max().orElseThrow();
        Instant earliest = Instant.ofEpochMilli(lastReading).plus(config.cadence()).plus(MARGIN);
        Instant deadline = Instant.now().plus(config.cadence().multipliedBy(2)).plus(MARGIN);
        Map<String, CoverageRow> real = lastFullCadence(kafka);
        while (real.isEmpty() || real.values().iterator().next().computedAt().isBefore(earliest)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no full coverage cadence at or after " + earliest + " (last reading "
                    + Instant.ofEpochMilli(lastReading) + ") by " + deadline);
            }
            Thread.sleep(1_000);
            real = lastFullCadence(kafka);
        }
        Instant at = real.values().iterator().next().computedAt();
        Map<String, CoverageRow> replayed = CoverageReplay.rowsAt(inputs, at, config, stateDir);
        CoverageComparison comparison = CoverageComparison.of(real, replayed);
        System.out.printf("coverage at %s: %d registry and %d readings records replayed through one instance; %s;"
                + " %.1f s%n", at, registry, inputs.size() - registry, comparison.figures(),
            (System.nanoTime() - began) / 1e9);
        return comparison;
    }

    /** The rows of the latest instant at which every key of the topic has a row (a cadence). */
    private static Map<String, CoverageRow> lastFullCadence(String kafka) {
        TreeMap<Instant, Map<String, CoverageRow>> byInstant = new TreeMap<>();
        for (CoverageReplay.Input in : readAll(kafka, Topics.COVERAGE.name())) {
            String key = Topics.COVERAGE.keySerde().deserializer().deserialize(in.topic(), in.key());
            CoverageRow row = Topics.COVERAGE.valueSerde().deserializer().deserialize(in.topic(), in.value());
            if (row != null) {
                byInstant.computeIfAbsent(row.computedAt(), t -> new HashMap<>()).put(key, row);
            }
        }
        int full = byInstant.values().stream().mapToInt(Map::size).max().orElse(0);
        return byInstant.descendingMap().values().stream().filter(rows -> rows.size() == full).findFirst()
            .orElse(Map.of());
    }

    /** Every committed record of a topic, as it is now. */
    private static List<CoverageReplay.Input> readAll(String kafka, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<CoverageReplay.Input> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end " + end + " within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new CoverageReplay.Input(topic, record.key(), record.value(), record.timestamp()));
                }
            }
            return records;
        }
    }
}
