package io.parkwatch.bench.chaos;

import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.streams.coverage.CoverageConfig;
import io.parkwatch.streams.coverage.CoverageTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * What ONE coverage instance computes from a run's input: the registry and readings records, in the
 * order of their record timestamps, through the coverage topology ({@code CoverageTopology}, the part
 * of {@code StreamsTopology.coverageAndAlerts} that writes coverage rows; the alerts part shares only
 * the source) in a {@link TopologyTestDriver} whose wall clock follows the record timestamps.
 *
 * <p>A coverage row is a function of the registry, each point's last good reading as the park stage
 * knows it, and "now". The replay computes its rows at exactly the real run's instant {@code at}: the
 * driver starts a whole number of cadences before it, so its wall-clock cadence fires at {@code at}.
 * The park stage learns a last good reading up to one cadence late, so the caller compares only at an
 * instant with no point at its liveness edge ({@link LivenessEdge}); there the real run and the replay
 * count every point the same, and the rows must agree field for field.
 */
final class CoverageReplay {

    /** One input record as it was in Kafka. */
    record Input(String topic, byte[] key, byte[] value, long timestamp) {
    }

    /** The driver's clock moves in steps of at least this (cheaper; rows at {@code at} do not depend on it). */
    private static final long STEP_MILLIS = 1_000;

    private CoverageReplay() {
    }

    /** The replay's row per key computed at {@code at}; inputs stamped at or after {@code at} are left out. */
    static Map<String, CoverageRow> rowsAt(List<Input> inputs, Instant at, CoverageConfig config, Path stateDir) {
        long cadence = config.cadence().toMillis();
        long target = at.toEpochMilli();
        long first = inputs.stream().mapToLong(Input::timestamp).min().orElse(target);
        long cadences = Math.max(1, (target - first + cadence - 1) / cadence);
        long clock = target - cadences * cadence;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "parkwatch-coverage-replay");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(CoverageTopology.STREAMS_OVERRIDES);
        try (TopologyTestDriver driver = new TopologyTestDriver(CoverageTopology.build(config), props,
            Instant.ofEpochMilli(clock))) {
            Map<String, TestInputTopic<byte[], byte[]>> topics = Map.of(
                Topics.REGISTRY.name(), input(driver, Topics.REGISTRY.name()),
                Topics.READINGS.name(), input(driver, Topics.READINGS.name()));
            List<Input> ordered = inputs.stream().filter(in -> in.timestamp() < target)
                .sorted(Comparator.comparingLong(Input::timestamp)).toList();
            for (Input in : ordered) {
                if (in.timestamp() - clock >= STEP_MILLIS) {
                    driver.advanceWallClockTime(Duration.ofMillis(in.timestamp() - clock));
                    clock = in.timestamp();
                }
                topics.get(in.topic()).pipeInput(new TestRecord<>(in.key(), in.value(), null,
                    Instant.ofEpochMilli(in.timestamp())));
            }
            driver.advanceWallClockTime(Duration.ofMillis(target - clock));
            Map<String, CoverageRow> rows = new LinkedHashMap<>();
            driver.createOutputTopic(Topics.COVERAGE.name(), Topics.COVERAGE.keySerde().deserializer(),
                    Topics.COVERAGE.valueSerde().deserializer()).readKeyValuesToList().stream()
                .filter(row -> row.value.computedAt().equals(at))
                .forEach(row -> rows.put(row.key, row.value));
            return rows;
        }
    }

    private static TestInputTopic<byte[], byte[]> input(TopologyTestDriver driver, String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
