package io.parkwatch.bench.fuzz;

import io.parkwatch.bench.SkippingDeserializer;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Matches the rejected topic's records of the fuzz park to the cases sent, by their raw bytes (a
 * multiset: the same bytes sent twice need two rejections), and counts the park's readings.
 */
final class RejectionTally implements AutoCloseable {

    private final String root;
    private final String park;
    private final KafkaConsumer<String, Rejection> rejections;
    private final KafkaConsumer<String, Reading> readings;
    private final Map<ByteBuffer, Deque<FuzzCase>> waiting = new HashMap<>();
    private final Map<FuzzFormat, Map<String, Long>> reasons = new EnumMap<>(FuzzFormat.class);
    private final Map<FuzzFormat, Long> matched = new EnumMap<>(FuzzFormat.class);
    private final List<Rejection> unexpected = new ArrayList<>();
    private long readingCount;

    RejectionTally(String kafka, FuzzPark park, List<FuzzCase> sent) {
        this.root = park.root();
        this.park = park.park();
        for (FuzzCase fuzz : sent) {
            waiting.computeIfAbsent(ByteBuffer.wrap(fuzz.payload()), k -> new ArrayDeque<>()).add(fuzz);
        }
        String group = "fuzz-tally-" + UUID.randomUUID();
        // Both topics are read from the beginning: a record there that is no rejection or reading
        // (a test's garbage) is skipped, not the end of the tally.
        this.rejections = new KafkaConsumer<>(properties(kafka, group), new StringDeserializer(),
            new SkippingDeserializer<>("fuzz rejection tally", Topics.REJECTED.valueSerde().deserializer()));
        this.readings = new KafkaConsumer<>(properties(kafka, group + "-readings"), new StringDeserializer(),
            new SkippingDeserializer<>("fuzz reading tally", Topics.READINGS.valueSerde().deserializer()));
        rejections.subscribe(List.of(Topics.REJECTED.name()));
        readings.subscribe(List.of(Topics.READINGS.name()));
    }

    private static Map<String, Object> properties(String kafka, String group) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.GROUP_ID_CONFIG, group,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    }

    /** Reads what arrived since the last call. */
    void poll() {
        for (ConsumerRecord<String, Rejection> record : rejections.poll(Duration.ofMillis(200))) {
            Rejection rejection = record.value();
            if (rejection == null || !rejection.source().startsWith(root)) {
                continue;
            }
            Deque<FuzzCase> cases = waiting.get(ByteBuffer.wrap(rejection.raw()));
            FuzzCase fuzz = cases == null ? null : cases.poll();
            if (fuzz == null) {
                unexpected.add(rejection);
                continue;
            }
            matched.merge(fuzz.format(), 1L, Long::sum);
            reasons.computeIfAbsent(fuzz.format(), f -> new TreeMap<>()).merge(rejection.reason().name(), 1L,
                Long::sum);
        }
        for (ConsumerRecord<String, Reading> record : readings.poll(Duration.ofMillis(50))) {
            if (record.value() != null && park.equals(record.value().park())) {
                readingCount++;
            }
        }
    }

    long matched() {
        return matched.values().stream().mapToLong(Long::longValue).sum();
    }

    long matched(FuzzFormat format) {
        return matched.getOrDefault(format, 0L);
    }

    Map<String, Long> reasons(FuzzFormat format) {
        return reasons.getOrDefault(format, Map.of());
    }

    /** Rejections of the park whose bytes match no case sent (or one more time than it was sent). */
    List<Rejection> unexpected() {
        return List.copyOf(unexpected);
    }

    /** The cases no rejection matched (yet). */
    List<FuzzCase> unanswered() {
        List<FuzzCase> left = new ArrayList<>();
        waiting.values().forEach(left::addAll);
        return left;
    }

    long readings() {
        return readingCount;
    }

    @Override
    public void close() {
        rejections.close();
        readings.close();
    }
}
