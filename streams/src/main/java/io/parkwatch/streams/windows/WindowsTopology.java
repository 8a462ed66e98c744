package io.parkwatch.streams.windows;

import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Per point and metric, event-time tumbling windows (1 minute and 1 hour by default) of count,
 * good count, sum, min and max. Every update of a window is emitted, keyed
 * {@code point|metric|window|start}; the record cache collapses bursts, and the sink overwrites
 * the same window in InfluxDB, so updates converge on the final value without waiting for the
 * window to close.
 *
 * <p>The state is kept per point ({@link PointWindow}, every metric of the point in one value)
 * because readings are keyed and partitioned by point: grouping by point and metric instead
 * would send every reading through a repartition topic first. An update of a point's window
 * emits each of its metrics; a point's metrics usually arrive together (one JSON array, one
 * HJ 212 packet), so the record cache collapses them to one emission per metric.
 */
public final class WindowsTopology {

    /**
     * How long the record cache collects a window's updates before it emits the window: every
     * update becomes an aggregate in Kafka and a point in InfluxDB, and a point reporting every
     * 2 s would otherwise emit each of its windows every 2 s. The windows run as an application
     * of their own, so this longer interval delays no alert.
     */
    public static final Duration COMMIT_INTERVAL = Duration.ofSeconds(15);

    /**
     * Kafka Streams settings this topology runs with: the commit interval above, a transaction
     * timeout well beyond it (a transaction stays open from one commit to the next), and a record
     * cache that holds every point's open windows between commits.
     */
    public static final Map<String, Object> STREAMS_OVERRIDES = Map.of(
        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis(),
        StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) COMMIT_INTERVAL.toMillis() + 60_000,
        StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);

    private static final Serde<PointWindow> STATE = new PointWindowSerde();

    private WindowsTopology() {
    }

    public static Topology build(List<WindowSpec> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one window is required");
        }
        TopicSpec<String, Reading> readings = Topics.READINGS;
        TopicSpec<String, Aggregate> aggregates = Topics.AGGREGATES;
        StreamsBuilder builder = new StreamsBuilder();
        KGroupedStream<String, Reading> byPoint = builder
            .stream(readings.name(), Consumed.with(readings.keySerde(), readings.valueSerde()))
            .filter((key, reading) -> key != null && reading != null && reading.value() != null,
                Named.as("windows-measured-readings"))
            .groupByKey();
        for (WindowSpec window : windows) {
            byPoint
                .windowedBy(TimeWindows.ofSizeAndGrace(window.size(), window.grace()))
                .aggregate(PointWindow::empty, (key, reading, state) -> state.add(reading),
                    Materialized.<String, PointWindow, WindowStore<Bytes, byte[]>>as("point-window-" + window.name())
                        .withKeySerde(Serdes.String())
                        .withValueSerde(STATE))
                .toStream(Named.as("windows-" + window.name() + "-updates"))
                .flatMap((windowed, state) -> toAggregates(window, windowed, state),
                    Named.as("windows-" + window.name() + "-per-metric"))
                .to(aggregates.name(), Produced.with(aggregates.keySerde(), aggregates.valueSerde()));
        }
        return builder.build();
    }

    private static List<KeyValue<String, Aggregate>> toAggregates(WindowSpec window, Windowed<String> windowed,
                                                                  PointWindow state) {
        if (state == null) {
            return List.of();
        }
        List<KeyValue<String, Aggregate>> out = new ArrayList<>(state.metrics().size());
        for (WindowStats stats : state.metrics()) {
            out.add(toAggregate(window, windowed, stats));
        }
        return out;
    }

    private static KeyValue<String, Aggregate> toAggregate(WindowSpec window, Windowed<String> windowed,
                                                           WindowStats stats) {
        Aggregate aggregate = stats.toAggregate(window.name(), windowed.window().startTime(),
            windowed.window().endTime());
        String key = PointKey.text(stats.park(), stats.enterprise(), stats.point()) + '|' + stats.metric() + '|'
            + window.name() + '|' + windowed.window().start();
        return KeyValue.pair(key, aggregate);
    }
}
