package io.parkwatch.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.alerts.topology.AlertsConfig;
import io.parkwatch.alerts.topology.MicrometerThresholdMetrics;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
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
import io.parkwatch.streams.coverage.CoverageConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    @TempDir
    Path stateDir;

    private static Topology topology() {
        return StreamsTopology.coverageAndAlerts(CoverageConfig.defaults(),
            AlertsConfig.defaults(new MicrometerThresholdMetrics(new SimpleMeterRegistry())));
    }

    @Test
    void coverageAndAlertsReadTheReadingsThroughOneSource() {
        List<String> readingSources = topology().describe().subtopologies().stream()
            .flatMap(sub -> sub.nodes().stream())
            .filter(TopologyDescription.Source.class::isInstance)
            .map(TopologyDescription.Source.class::cast)
            .filter(source -> source.topicSet().contains(Topics.READINGS.name()))
            .map(TopologyDescription.Node::name)
            .toList();

        assertThat(readingSources).hasSize(1);
    }

    @Test
    void oneGasReadingRaisesItsAlertAndCountsTowardCoverage() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "streams-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(StreamsTopology.STREAMS_OVERRIDES);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), props, T0)) {
            RegistryRecord enterprise = RegistryRecord.of(new EnterpriseEntry("p", "e", "e",
                Set.of(EnterpriseClass.KEY_EMERGENCY_SUPERVISED)));
            RegistryRecord detector = RegistryRecord.of(new PointEntry("p", "e", "det-1", Module.SAFETY, "gas-detector",
                Duration.ofSeconds(10), null, null));
            input(driver, Topics.REGISTRY).pipeInput(enterprise.key(), enterprise);
            input(driver, Topics.REGISTRY).pipeInput(detector.key(), detector);
            Reading lel = Reading.builder().messageId("det-1|1").park("p").enterprise("e").point("det-1")
                .domain(Domain.SAFETY).metric("lel").value(77.0).unit("%LEL").observedAt(T0).receivedAt(T0)
                .quality(Quality.N).sourceFormat(SourceFormat.JSON).build();

            input(driver, Topics.READINGS).pipeInput(lel.pointKey(), lel, T0);
            driver.advanceWallClockTime(Duration.ofMinutes(1));

            List<AlertEvent> alerts = driver.createOutputTopic(Topics.ALERTS.name(),
                Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer()).readValuesToList();
            assertThat(alerts).anySatisfy(event -> {
                assertThat(event.type()).isEqualTo(AlertEventType.RAISED);
                assertThat(event.pointKey()).isEqualTo("p/e/det-1");
            });
            List<CoverageRow> safety = driver.createOutputTopic(Topics.COVERAGE.name(),
                    Topics.COVERAGE.keySerde().deserializer(), Topics.COVERAGE.valueSerde().deserializer())
                .readValuesToList().stream().filter(row -> row.module() == Module.SAFETY && row.required() > 0).toList();
            assertThat(safety).isNotEmpty();
            assertThat(safety.get(safety.size() - 1).live()).isEqualTo(1);
        }
    }

    private static <V> TestInputTopic<String, V> input(TopologyTestDriver driver, TopicSpec<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
