package io.parkwatch.streams.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The windows topology with the settings parkwatch runs it with, fed a record it cannot read. */
class WindowsUnreadableRecordsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void aGarbageReadingEndsInRejectedAndTheNextReadingIsAggregated() {
        Properties props = new StreamsSettings("windows-test", "unused:9092", stateDir, 1, 1, Duration.ofMillis(200))
            .toProperties();
        // The test driver drops what a deserialization handler sends under exactly-once; the real
        // broker keeps it (UnreadableReadingsIT).
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try (TopologyTestDriver driver = new TopologyTestDriver(WindowsTopology.build(List.of(WindowSpec.ONE_MINUTE)),
                props, T0)) {
            TestInputTopic<String, byte[]> readings = driver.createInputTopic(Topics.READINGS.name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, Aggregate> aggregates = driver.createOutputTopic(Topics.AGGREGATES.name(),
                Topics.AGGREGATES.keySerde().deserializer(), Topics.AGGREGATES.valueSerde().deserializer());
            TestOutputTopic<String, Rejection> rejected = driver.createOutputTopic(Topics.REJECTED.name(),
                Topics.REJECTED.keySerde().deserializer(), Topics.REJECTED.valueSerde().deserializer());
            byte[] garbage = "{\"park\":".getBytes(StandardCharsets.UTF_8);
            Reading good = Reading.builder().messageId("r1").park("p").enterprise("e").point("m1")
                .domain(Domain.ENERGY).metric("kw").value(3.0).unit("kW").observedAt(T0.plusSeconds(5))
                .receivedAt(T0.plusSeconds(5)).quality(Quality.N).sourceFormat(SourceFormat.JSON).build();

            readings.pipeInput("p/e/m1", garbage, T0);
            readings.pipeInput("p/e/m1", Topics.READINGS.valueSerde().serializer().serialize(Topics.READINGS.name(),
                good), T0.plusSeconds(5));

            assertThat(aggregates.readKeyValuesToMap()).containsKey("p/e/m1|kw|1m|" + T0.toEpochMilli());
            assertThat(rejected.readValuesToList()).singleElement().satisfies(rejection -> {
                assertThat(rejection.reason()).isEqualTo(RejectReason.UNREADABLE_RECORD);
                assertThat(rejection.source()).isEqualTo("windows-test:parkwatch.readings.v1/0@0");
                assertThat(rejection.raw()).isEqualTo(garbage);
            });
        }
    }
}
