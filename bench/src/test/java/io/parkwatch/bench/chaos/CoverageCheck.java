package io.parkwatch.bench.chaos;

import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.streams.coverage.CoverageConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The chaos run's coverage rows (two instances, kills, restarts) against what one instance computes
 * from the same registry and readings ({@link CoverageReplay}). Compared are the rows of the run's
 * latest full cadence (every key at one {@code computedAt}) at which no point is at its liveness edge
 * ({@link LivenessEdge}): there, the rows are a function of the input and the instant alone. Inputs are
 * read after the rows, so every record stamped before that instant is in the replay. Everything is
 * read from the beginning, read-committed; nothing waits.
 */
final class CoverageCheck {

    /** How long after its record time a reading surely reached the park stage (the hop between stages). */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    private CoverageCheck() {
    }

    static CoverageComparison run(String kafka, Path stateDir) {
        long began = System.nanoTime();
        CoverageConfig config = CoverageConfig.defaults();
        TreeMap<Instant, Map<String, CoverageRow>> cadences = fullCadences(kafka);
        List<CoverageReplay.Input> registry = readAll(kafka, Topics.REGISTRY.name());
        List<CoverageReplay.Input> readings = readAll(kafka, Topics.READINGS.name());
        Map<String, Duration> windows = windows(registry, config);
        List<LivenessEdge.Good> goods = goods(readings);
        Instant at = null;
        int skipped = 0;
        for (Instant t : cadences.descendingKeySet()) {
            Set<String> edge = LivenessEdge.pointsAt(goods, windows, t, config.cadence(), MARGIN);
            if (edge.isEmpty()) {
                at = t;
                break;
            }
            System.out.println("coverage at " + t + " not compared: points at their liveness edge " + edge);
            skipped++;
        }
        if (at == null) {
            throw new AssertionError("no coverage cadence without points at their liveness edge among "
                + cadences.keySet());
        }
        List<CoverageReplay.Input> inputs = new ArrayList<>(registry);
        inputs.addAll(readings);
        long replayStart = System.nanoTime();
        Map<String, CoverageRow> replayed = CoverageReplay.rowsAt(inputs, at, config, stateDir);
        CoverageComparison comparison = CoverageComparison.of(cadences.get(at), replayed);
        System.out.printf("coverage at %s (latest full cadence of %d, %d later skipped): %d registry and %d readings"
                + " records replayed through one instance in %.1f s; %s; %.1f s in all%n", at, cadences.size(),
            skipped, registry.size(), readings.size(), (System.nanoTime() - replayStart) / 1e9, comparison.figures(),
            (System.nanoTime() - began) / 1e9);
        return comparison;
    }

    /** The rows of every instant at which every key of the topic has a row (the cadences), by instant. */
    private static TreeMap<Instant, Map<String, CoverageRow>> fullCadences(String kafka) {
        TreeMap<Instant, Map<String, CoverageRow>> byInstant = new TreeMap<>();
        for (CoverageReplay.Input in : readAll(kafka, Topics.COVERAGE.name())) {
            String key = Topics.COVERAGE.keySerde().deserializer().deserialize(in.topic(), in.key());
            CoverageRow row = Topics.COVERAGE.valueSerde().deserializer().deserialize(in.topic(), in.value());
            if (row != null) {
                byInstant.computeIfAbsent(row.computedAt(), t -> new HashMap<>()).put(key, row);
            }
        }
        int full = byInstant.values().stream().mapToInt(Map::size).max().orElse(0);
        byInstant.values().removeIf(rows -> rows.size() < full);
        return byInstant;
    }

    /** Each registered point's liveness window (the chaos run's registry only grows). */
    private static Map<String, Duration> windows(List<CoverageReplay.Input> registry, CoverageConfig config) {
        Map<String, Duration> windows = new HashMap<>();
        for (CoverageReplay.Input in : registry) {
            RegistryRecord record = Topics.REGISTRY.valueSerde().deserializer().deserialize(in.topic(), in.value());
            if (record != null && record.point() != null) {
                windows.put(record.point().pointKey(), config.windowOf(record.point()));
            }
        }
        return windows;
    }

    /** The good readings, with the time liveness counts from ({@code PointStage}: the earlier of the two). */
    private static List<LivenessEdge.Good> goods(List<CoverageReplay.Input> readings) {
        List<LivenessEdge.Good> goods = new ArrayList<>();
        for (CoverageReplay.Input in : readings) {
            Reading reading = Topics.READINGS.valueSerde().deserializer().deserialize(in.topic(), in.value());
            if (reading != null && reading.quality().isGood()) {
                Instant at = reading.observedAt().isBefore(reading.receivedAt()) ? reading.observedAt()
                    : reading.receivedAt();
                goods.add(new LivenessEdge.Good(reading.pointKey(), in.timestamp(), at));
            }
        }
        return goods;
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
