package io.parkwatch.cli.runtime;

import io.parkwatch.alerts.topology.AlertsConfig;
import io.parkwatch.alerts.topology.AlertsTopology;
import io.parkwatch.streams.coverage.CoverageConfig;
import io.parkwatch.streams.coverage.CoverageTopology;
import io.parkwatch.transport.streams.StreamInputs;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The live processors of {@code parkwatch streams} as one Kafka Streams application: coverage
 * (with data gaps and completeness) and the threshold alerts read the readings and the operators'
 * commands through one source each, so a reading is fetched and deserialised once for both, and
 * one transaction per commit covers both. Both answer within the short commit interval that bounds
 * alert latency; their stateful stages keep their own sub-topologies behind their repartition
 * topics (coverage's park stage on one partition). The windows run apart ({@code WindowsTopology}),
 * committing far less often.
 */
public final class StreamsTopology {

    /** The settings both need: neither waits for an empty input partition. */
    public static final Map<String, Object> STREAMS_OVERRIDES = merged();

    private StreamsTopology() {
    }

    public static Topology coverageAndAlerts(CoverageConfig coverage, AlertsConfig alerts) {
        StreamsBuilder builder = new StreamsBuilder();
        StreamInputs inputs = StreamInputs.on(builder);
        CoverageTopology.addTo(inputs, coverage);
        AlertsTopology.addTo(inputs, alerts);
        return builder.build();
    }

    private static Map<String, Object> merged() {
        Map<String, Object> overrides = new HashMap<>(CoverageTopology.STREAMS_OVERRIDES);
        AlertsTopology.STREAMS_OVERRIDES.forEach((key, value) -> {
            Object before = overrides.putIfAbsent(key, value);
            if (before != null && !before.equals(value)) {
                throw new IllegalStateException("coverage and alerts need different values of " + key);
            }
        });
        return Map.copyOf(overrides);
    }
}
