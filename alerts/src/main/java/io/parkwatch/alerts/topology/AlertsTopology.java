package io.parkwatch.alerts.topology;

import io.parkwatch.alerts.judge.MeanWindows;
import io.parkwatch.alerts.judge.OxygenMemory;
import io.parkwatch.alerts.lifecycle.HeldLevels;
import io.parkwatch.alerts.state.LastValueSerde;
import io.parkwatch.alerts.state.RuleStateSerde;
import io.parkwatch.alerts.state.WindowMeanSerde;
import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertIds;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.streams.StreamInputs;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threshold alerts: readings (keyed by point), the readings of enterprise-wide rules (re-keyed
 * {@code park/enterprise/*}) and operators' commands (re-keyed by the point or enterprise their
 * alert id names) meet in one processor that judges the active rules and emits lifecycle
 * events to {@code parkwatch.alerts.v1}, keyed by alert id. The registry (point kinds) and the
 * rule packs are global tables, so every task sees all of them and rule packs reload at run time.
 */
public final class AlertsTopology {

    static final String STATE_STORE = "alert-states";
    static final String RULES_STORE = "alert-rule-packs";

    /**
     * Kafka Streams settings this topology runs with. The processor's inputs (readings, readings
     * re-keyed by enterprise, commands) are independent: no state depends on how they interleave,
     * and the processor orders each (point, rule) by event time itself. So a task does not wait
     * for its empty inputs ({@code max.task.idle.ms} -1): with the default 0, Kafka Streams 4.3
     * checks each empty partition's lag and formats a diagnostic text for it before every record,
     * 13 % of the stream thread's time in the alerts benchmark, where the command and enterprise
     * inputs are empty nearly always.
     */
    public static final Map<String, Object> STREAMS_OVERRIDES =
        Map.of(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);

    private static final Logger LOG = LoggerFactory.getLogger(AlertsTopology.class);

    private AlertsTopology() {
    }

    public static Topology build(AlertsConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(StreamInputs.on(builder), config);
        return builder.build();
    }

    /**
     * Adds the alert engine to a topology that declares the shared inputs; the registry (point
     * kinds) is their global store, read as raw bytes: RegistryPoints decodes an entry only when
     * it changed.
     */
    public static void addTo(StreamInputs inputs, AlertsConfig config) {
        StreamsBuilder builder = inputs.builder();
        globalTable(builder, Topics.RULES, RULES_STORE);
        // Internal stores in binary (RuleStateSerde); the public topics stay JSON.
        builder.addStateStore(store(STATE_STORE, new RuleStateSerde()));
        builder.addStateStore(store(MeanWindows.STORE, new WindowMeanSerde()));
        builder.addStateStore(store(OxygenMemory.STORE, new LastValueSerde()));
        builder.addStateStore(store(HeldLevels.STORE, Serdes.Long()));

        KStream<String, Reading> source = inputs.readings();
        KStream<String, AlertInput> fromReadings = source
            .filter((key, reading) -> reading != null, Named.as("alert-readings"))
            .<AlertInput>mapValues(AlertInput.PointReading::new, Named.as("alert-point-readings"));
        KStream<String, AlertInput> byEnterprise = source
            .process(() -> new EnterpriseRouter(config), Named.as("alert-enterprise-router"))
            .repartition(Repartitioned.with(Serdes.String(), AlertInputSerde.enterpriseReadings())
                .withName("alert-readings-by-enterprise"));
        KStream<String, AlertInput> fromCommands = inputs.commands()
            .filter((key, command) -> routable(command, config.metrics()), Named.as("alert-commands-routable"))
            .selectKey((key, command) -> AlertIds.thresholdSubject(command.alertId()),
                Named.as("alert-commands-by-subject"))
            .<AlertInput>mapValues(AlertInput.OperatorCommand::new, Named.as("alert-operator-commands"))
            .repartition(Repartitioned.with(Serdes.String(), AlertInputSerde.commands())
                .withName("alert-commands-by-point"));
        TopicSpec<String, AlertEvent> alerts = Topics.ALERTS;
        fromReadings.merge(byEnterprise, Named.as("alert-inputs")).merge(fromCommands, Named.as("alert-all-inputs"))
            .process(() -> new AlertProcessor(config), Named.as("alert-rules"), STATE_STORE, MeanWindows.STORE,
                OxygenMemory.STORE, HeldLevels.STORE)
            .to(alerts.name(), Produced.with(alerts.keySerde(), alerts.valueSerde()));
    }

    private static boolean routable(AlertCommand command, ThresholdMetrics metrics) {
        if (command != null && AlertIds.isDataGap(command.alertId())) {
            // The coverage topology answers these.
            return false;
        }
        if (command == null || AlertIds.thresholdSubject(command.alertId()) == null) {
            metrics.ignoredCommand();
            LOG.warn("alert command without a parkwatch alert id ignored: {}", command);
            return false;
        }
        return true;
    }

    private static <V> void globalTable(StreamsBuilder builder, TopicSpec<String, V> topic, String storeName) {
        builder.globalTable(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()),
            Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(storeName)
                .withKeySerde(topic.keySerde()).withValueSerde(topic.valueSerde()));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
