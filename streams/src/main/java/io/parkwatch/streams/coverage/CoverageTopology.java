package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.alert.AlertIds;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.streams.completeness.DayTallySerde;
import io.parkwatch.transport.streams.StreamInputs;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Live plan coverage, data-gap alerts and daily completeness.
 *
 * <pre>
 * registry ──► global store (StreamInputs; every task reads the whole registry)
 * readings ──► point stage (per point partition: last good reading, day tallies)
 *                  │ at most one update per point per cadence
 *                  │        + alert commands for data-gap:… ids (acknowledgements)
 *                  ▼ repartition by park, one partition
 *              park stage ──► coverage rows · data-gap alerts · completeness rows
 * </pre>
 *
 * The park stage has a single partition on purpose: a coverage row needs every point of its
 * park, parks are few, and the point stage has already reduced the readings to a trickle.
 */
public final class CoverageTopology {

    /** The internal topic between the two stages. */
    public static final String BY_PARK = "coverage-by-park";

    /**
     * Kafka Streams settings this topology runs with: readings and the operators' commands are
     * independent inputs (an acknowledgement means the same whichever reading it passes), so a
     * task never waits for its empty command partition ({@code max.task.idle.ms} -1; see
     * {@code AlertsTopology.STREAMS_OVERRIDES} for what the default costs per record).
     */
    public static final Map<String, Object> STREAMS_OVERRIDES =
        Map.of(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);

    private static final Serde<String> KEYS = Serdes.String();

    private CoverageTopology() {
    }

    public static Topology build(CoverageConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(StreamInputs.on(builder), config);
        return builder.build();
    }

    /** Adds coverage, data gaps and completeness to a topology that declares the shared inputs. */
    public static void addTo(StreamInputs inputs, CoverageConfig config) {
        StreamsBuilder builder = inputs.builder();
        // The point stage's stores in binary: it reads and writes them for each reading.
        builder.addStateStore(store(PointStage.LAST_GOOD_STORE, new LastGoodSerde()));
        builder.addStateStore(store(PointStage.TALLY_STORE, new DayTallySerde()));
        builder.addStateStore(store(ParkStage.POINT_STORE, new JsonSerde<>(PointState.class)));
        builder.addStateStore(store(ParkStage.TALLY_STORE, new DayTallySerde()));

        KStream<String, PointUpdate> updates = inputs.readings()
            .process(() -> new PointStage(config), Named.as("coverage-point-stage"), PointStage.LAST_GOOD_STORE,
                PointStage.TALLY_STORE);
        // Operators acknowledge data gaps through the same command topic as threshold alerts.
        KStream<String, PointUpdate> acknowledgements = inputs.commands()
            .filter((key, command) -> command != null && AlertIds.isDataGap(command.alertId()),
                Named.as("coverage-data-gap-commands"))
            .map((key, command) -> KeyValue.pair(PointKey.parkOf(AlertIds.dataGapPoint(command.alertId())),
                PointUpdate.acknowledge(command)), Named.as("coverage-commands-by-park"));
        KStream<String, ParkOutput> outputs = updates.merge(acknowledgements)
            .repartition(Repartitioned.<String, PointUpdate>as(BY_PARK)
                .withKeySerde(KEYS).withValueSerde(new JsonSerde<>(PointUpdate.class)).withNumberOfPartitions(1))
            .process(() -> new ParkStage(config), Named.as("coverage-park-stage"), ParkStage.POINT_STORE,
                ParkStage.TALLY_STORE);
        route(outputs, ParkOutput::coverageRow, Topics.COVERAGE);
        route(outputs, ParkOutput::dataGapEvent, Topics.ALERTS);
        route(outputs, ParkOutput::completenessRow, Topics.COMPLETENESS);
    }

    /** Sends the outputs of one kind ({@code carried} is null for the others) to their topic. */
    private static <V> void route(KStream<String, ParkOutput> outputs, Function<ParkOutput, V> carried,
                                  TopicSpec<String, V> topic) {
        outputs.filter((key, output) -> carried.apply(output) != null, Named.as("coverage-only-" + topic.name()))
            .mapValues(carried::apply, Named.as("coverage-as-" + topic.name()))
            .to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), KEYS, values);
    }
}
