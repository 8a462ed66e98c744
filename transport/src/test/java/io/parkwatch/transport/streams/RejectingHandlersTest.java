package io.parkwatch.transport.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.kafka.UnreadableRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handlers StreamsSettings installs, on a topology whose processing throws for one metric. */
class RejectingHandlersTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, String> out;
    private TestOutputTopic<String, Rejection> rejected;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.READINGS.name(), Consumed.with(Topics.READINGS.keySerde(), Topics.READINGS.valueSerde()))
            .mapValues(reading -> {
                if (reading.metric().equals("boom")) {
                    throw new IllegalStateException("this metric always fails");
                }
                return reading.messageId();
            })
            .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new StreamsSettings("handlers-test", "unused:9092", stateDir, 1, 1, Duration.ofMillis(200))
            .toProperties();
        props.put(StreamsRejections.METER_REGISTRY_CONFIG, meters);
        // The test driver drops what a deserialization handler sends under exactly-once (a real
        // broker does not: UnreadableReadingsIT); the handlers are the same under both guarantees.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        driver = new TopologyTestDriver(builder.build(), props, T0);
        raw = driver.createInputTopic(Topics.READINGS.name(), Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
        out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
        rejected = driver.createOutputTopic(Topics.REJECTED.name(), Topics.REJECTED.keySerde().deserializer(),
            Topics.REJECTED.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void anUnreadableRecordIsRejectedWithItsBytesAndTheNextOneIsProcessed() {
        byte[] garbage = "garbage{".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("p/e/x", garbage);
        raw.pipeInput("p/e/m1", json(reading("r1", "kw")));

        assertThat(out.readValuesToList()).containsExactly("r1");
        List<Rejection> rejections = rejected.readValuesToList();
        assertThat(rejections).hasSize(1);
        Rejection rejection = rejections.get(0);
        assertThat(rejection.reason()).isEqualTo(RejectReason.UNREADABLE_RECORD);
        assertThat(rejection.source()).isEqualTo("handlers-test:parkwatch.readings.v1/0@0");
        assertThat(rejection.raw()).isEqualTo(garbage);
        assertThat(rejection.detail()).startsWith("key 'p/e/x': ").contains("garbage");
        assertThat(counted()).isEqualTo(1.0);
    }

    @Test
    void aRecordWhoseProcessingThrowsIsRejectedOnceAndNotReadAgain() {
        byte[] poison = json(reading("r1", "boom"));
        raw.pipeInput("p/e/m1", poison);
        raw.pipeInput("p/e/m1", json(reading("r2", "kw")));
        raw.pipeInput("p/e/m1", json(reading("r3", "kw")));

        assertThat(out.readValuesToList()).containsExactly("r2", "r3");
        List<Rejection> rejections = rejected.readValuesToList();
        assertThat(rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectReason.UNREADABLE_RECORD);
            assertThat(rejection.source()).isEqualTo("handlers-test:parkwatch.readings.v1/0@0");
            assertThat(rejection.raw()).isEqualTo(poison);
            assertThat(rejection.detail()).contains("IllegalStateException: this metric always fails");
        });
        assertThat(counted()).isEqualTo(1.0);
    }

    private double counted() {
        return meters.counter(UnreadableRecords.COUNTER, "topic", Topics.READINGS.name(), "consumer", "handlers-test")
            .count();
    }

    private static Reading reading(String id, String metric) {
        return Reading.builder().messageId(id).park("p").enterprise("e").point("m1").domain(Domain.ENERGY)
            .metric(metric).value(1.0).unit("kW").observedAt(T0).receivedAt(T0).quality(Quality.N)
            .sourceFormat(SourceFormat.JSON).build();
    }

    private static byte[] json(Reading reading) {
        return Topics.READINGS.valueSerde().serializer().serialize(Topics.READINGS.name(), reading);
    }
}
