package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The coverage topology in a TopologyTestDriver whose wall clock the test moves. */
final class CoverageHarness implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, RegistryRecord> registry;
    private final TestInputTopic<String, Reading> readings;
    private final TestOutputTopic<String, CoverageRow> coverage;
    private final TestOutputTopic<String, AlertEvent> alerts;
    private final TestOutputTopic<String, CompletenessRow> completeness;
    private final Map<String, CoverageRow> rows = new HashMap<>();
    private final Map<String, CompletenessRow> days = new HashMap<>();
    private Instant now;
    private int sequence;

    CoverageHarness(CoverageConfig config, Path stateDir, Instant start) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "coverage-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        this.now = start;
        this.driver = new TopologyTestDriver(CoverageTopology.build(config), props, start);
        this.registry = input(Topics.REGISTRY);
        this.readings = input(Topics.READINGS);
        this.coverage = output(Topics.COVERAGE);
        this.alerts = output(Topics.ALERTS);
        this.completeness = output(Topics.COMPLETENESS);
    }

    private <V> TestInputTopic<String, V> input(TopicSpec<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(TopicSpec<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
    }

    void enterprise(String id, EnterpriseClass... classes) {
        RegistryRecord record = RegistryRecord.of(new EnterpriseEntry("p", id, id, Set.of(classes)));
        registry.pipeInput(record.key(), record, now);
    }

    void point(String enterprise, String id, Module module, String kind, Duration interval) {
        RegistryRecord record = RegistryRecord.of(new PointEntry("p", enterprise, id, module, kind, interval, null, null));
        registry.pipeInput(record.key(), record, now);
    }

    void remove(String key) {
        registry.pipeInput(key, null, now);
    }

    /** A raw registry value this version cannot read (e.g. a record variant added later). */
    void unknownRegistryRecord(String key) {
        rawRegistry(key, "{\"park\":{\"id\":\"p\",\"name\":\"P\"}}");
    }

    void rawRegistry(String key, String json) {
        driver.createInputTopic(Topics.REGISTRY.name(), Topics.REGISTRY.keySerde().serializer(),
                new StringSerializer())
            .pipeInput(key, json, now);
    }

    void reading(String enterprise, String point, Quality quality) {
        reading(enterprise, point, quality, now);
    }

    void reading(String enterprise, String point, Quality quality, Instant observedAt) {
        Reading reading = Reading.builder().messageId("m" + sequence++).park("p").enterprise(enterprise).point(point)
            .domain(Domain.ENERGY).metric("kw").value(1.0).unit("kW").observedAt(observedAt).receivedAt(now)
            .quality(quality).sourceFormat(SourceFormat.JSON).build();
        readings.pipeInput(reading.pointKey(), reading, observedAt);
    }

    void command(AlertCommand command) {
        input(Topics.ALERT_COMMANDS).pipeInput(command.alertId(), command, now);
    }

    void advance(Duration duration) {
        now = now.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    Instant now() {
        return now;
    }

    /** The latest row of {@code MODULE|class} of park p. */
    CoverageRow row(String moduleAndClass) {
        coverage.readKeyValuesToMap().forEach(rows::put);
        return rows.get("p|" + moduleAndClass);
    }

    List<AlertEvent> alerts() {
        return alerts.readValuesToList();
    }

    CompletenessRow completeness(String key) {
        completeness.readKeyValuesToMap().forEach(days::put);
        return days.get(key);
    }

    @Override
    public void close() {
        driver.close();
    }
}
