package io.parkwatch.streams.windows;

import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
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
 */
public final class WindowsTopology {

    private static final Serde<WindowStats> STATS = new JsonSerde<>(WindowStats.class);

    private WindowsTopology() {
    }

    public static Topology build(List<WindowSpec> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one window is required");
        }
        TopicSpec<String, Reading> readings = Topics.READINGS;
        TopicSpec<String, Aggregate> aggregates = Topics.AGGREGATES;
        StreamsBuilder builder = new StreamsBuilder();
        KGroupedStream<String, Reading> byPointAndMetric = builder
            .stream(readings.name(), Consumed.with(readings.keySerde(), readings.valueSerde()))
            .filter((key, reading) -> reading != null && reading.value() != null)
            .groupBy((key, reading) -> reading.pointKey() + '|' + reading.metric(),
                Grouped.with("by-point-metric", readings.keySerde(), readings.valueSerde()));
        for (WindowSpec window : windows) {
            byPointAndMetric
                .windowedBy(TimeWindows.ofSizeAndGrace(window.size(), window.grace()))
                .aggregate(WindowStats::empty, (key, reading, stats) -> stats.add(reading),
                    Materialized.<String, WindowStats, WindowStore<Bytes, byte[]>>as("window-" + window.name())
                        .withKeySerde(readings.keySerde())
                        .withValueSerde(STATS))
                .toStream()
                .map((windowed, stats) -> toAggregate(window, windowed, stats))
                .to(aggregates.name(), Produced.with(aggregates.keySerde(), aggregates.valueSerde()));
        }
        return builder.build();
    }

    private static KeyValue<String, Aggregate> toAggregate(WindowSpec window, Windowed<String> windowed,
                                                           WindowStats stats) {
        Aggregate aggregate = stats.toAggregate(window.name(), windowed.window().startTime(),
            windowed.window().endTime());
        String key = windowed.key() + '|' + window.name() + '|' + windowed.window().start();
        return KeyValue.pair(key, aggregate);
    }
}
