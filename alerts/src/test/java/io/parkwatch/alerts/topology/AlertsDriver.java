package io.parkwatch.alerts.topology;

import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.rules.RulePackRecord;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The alerts topology in a TopologyTestDriver, with its topics and a counting metrics port. */
final class AlertsDriver implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    final CountingMetrics metrics = new CountingMetrics();
    final TopologyTestDriver driver;
    private final TestInputTopic<String, Reading> readings;
    private final TestInputTopic<String, RegistryRecord> registry;
    private final TestInputTopic<String, byte[]> rawRegistry;
    private final TestInputTopic<String, RulePackRecord> rules;
    private final TestInputTopic<String, AlertCommand> commands;
    private final TestOutputTopic<String, AlertEvent> alerts;

    AlertsDriver(Path stateDir, AlertsConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        AlertsConfig counted = new AlertsConfig(config.builtInPacks(), config.activeProfiles(), config.updateEvery(),
            config.rulesRefresh(), metrics);
        driver = new TopologyTestDriver(AlertsTopology.build(counted), props, T0);
        readings = input(Topics.READINGS);
        registry = input(Topics.REGISTRY);
        rawRegistry = driver.createInputTopic(Topics.REGISTRY.name(), new StringSerializer(), new ByteArraySerializer());
        rules = input(Topics.RULES);
        commands = input(Topics.ALERT_COMMANDS);
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
            Topics.ALERTS.valueSerde().deserializer());
    }

    private <V> TestInputTopic<String, V> input(TopicSpec<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    void send(Reading reading) {
        readings.pipeInput(reading.pointKey(), reading, reading.observedAt());
    }

    void register(RegistryRecord record) {
        registry.pipeInput(record.key(), record);
    }

    /** Bytes on the registry topic as they are, e.g. a record no serde can read. */
    void registerRaw(String key, byte[] value) {
        rawRegistry.pipeInput(key, value);
    }

    void publishRules(String name, String yaml) {
        rules.pipeInput(name, new RulePackRecord(name, yaml, name + ".yaml", T0));
        driver.advanceWallClockTime(Duration.ofMinutes(1));
    }

    /** A tombstone for the pack on the rules topic ({@code parkwatch rules remove}), then a reload. */
    void removeRules(String name) {
        rules.pipeInput(name, null);
        driver.advanceWallClockTime(Duration.ofMinutes(1));
    }

    void command(AlertCommand command) {
        commands.pipeInput(command.alertId(), command, command.at());
    }

    List<AlertEvent> alerts() {
        return alerts.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }

    /** Counts what the topology reports. */
    static final class CountingMetrics implements ThresholdMetrics {
        final AtomicInteger late = new AtomicInteger();
        final AtomicInteger ignoredCommands = new AtomicInteger();
        final AtomicInteger badPacks = new AtomicInteger();

        @Override
        public void lateReading(String ruleId) {
            late.incrementAndGet();
        }

        @Override
        public void ignoredCommand() {
            ignoredCommands.incrementAndGet();
        }

        @Override
        public void badRulePack(String pack) {
            badPacks.incrementAndGet();
        }
    }
}
