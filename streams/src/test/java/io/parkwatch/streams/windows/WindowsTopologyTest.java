package io.parkwatch.streams.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Reading> readings;
    private TestOutputTopic<String, Aggregate> aggregates;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "windows-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(WindowsTopology.build(List.of(WindowSpec.ONE_MINUTE, WindowSpec.ONE_HOUR)),
            props);
        readings = driver.createInputTopic(Topics.READINGS.name(), Topics.READINGS.keySerde().serializer(),
            Topics.READINGS.valueSerde().serializer());
        aggregates = driver.createOutputTopic(Topics.AGGREGATES.name(), Topics.AGGREGATES.keySerde().deserializer(),
            Topics.AGGREGATES.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String point, String metric, double value, Instant at, Quality quality) {
        Reading reading = Reading.builder().messageId(point + at).park("p").enterprise("e").point(point)
            .domain(Domain.ENERGY).metric(metric).value(value).unit("kW").observedAt(at).receivedAt(at)
            .quality(quality).sourceFormat(SourceFormat.JSON).build();
        readings.pipeInput(reading.pointKey(), reading, at);
    }

    @Test
    void aggregatesOneMinutePerPointAndMetric() {
        send("m1", "kw", 10, T0.plusSeconds(5), Quality.N);
        send("m1", "kw", 30, T0.plusSeconds(20), Quality.N);
        send("m1", "kw", 20, T0.plusSeconds(50), Quality.D);
        send("m1", "kwh", 99, T0.plusSeconds(50), Quality.N);
        send("m2", "kw", 5, T0.plusSeconds(50), Quality.N);

        Map<String, Aggregate> latest = aggregates.readKeyValuesToMap();
        Aggregate m1kw = latest.get("p/e/m1|kw|1m|" + T0.toEpochMilli());
        assertThat(m1kw.count()).isEqualTo(3);
        assertThat(m1kw.goodCount()).isEqualTo(2);
        assertThat(m1kw.mean()).isEqualTo(20.0);
        assertThat(m1kw.min()).isEqualTo(10.0);
        assertThat(m1kw.max()).isEqualTo(30.0);
        assertThat(m1kw.windowStart()).isEqualTo(T0);
        assertThat(m1kw.windowEnd()).isEqualTo(T0.plusSeconds(60));
        assertThat(latest.get("p/e/m1|kwh|1m|" + T0.toEpochMilli()).count()).isEqualTo(1);
        assertThat(latest.get("p/e/m2|kw|1m|" + T0.toEpochMilli()).mean()).isEqualTo(5.0);
    }

    @Test
    void startsANewWindowEachMinuteAndRollsUpTheHour() {
        send("m1", "kw", 10, T0.plusSeconds(10), Quality.N);
        send("m1", "kw", 20, T0.plusSeconds(70), Quality.N);

        Map<String, Aggregate> latest = aggregates.readKeyValuesToMap();
        assertThat(latest.get("p/e/m1|kw|1m|" + T0.toEpochMilli()).mean()).isEqualTo(10.0);
        assertThat(latest.get("p/e/m1|kw|1m|" + T0.plusSeconds(60).toEpochMilli()).mean()).isEqualTo(20.0);
        Aggregate hour = latest.get("p/e/m1|kw|1h|" + T0.toEpochMilli());
        assertThat(hour.count()).isEqualTo(2);
        assertThat(hour.mean()).isEqualTo(15.0);
        assertThat(hour.window()).isEqualTo("1h");
    }

    @Test
    void readingsLaterThanTheGraceDoNotReopenAClosedWindow() {
        send("m1", "kw", 10, T0.plusSeconds(10), Quality.N);
        send("m1", "kw", 10, T0.plusSeconds(60 * 4), Quality.N);
        aggregates.readKeyValuesToMap();

        send("m1", "kw", 1000, T0.plusSeconds(20), Quality.N);

        assertThat(aggregates.readKeyValuesToMap()).doesNotContainKey("p/e/m1|kw|1m|" + T0.toEpochMilli());
    }

    @Test
    void positionsAreNotAggregated() {
        Reading position = Reading.builder().messageId("v1").park("p").enterprise("fleet").point("v1")
            .domain(Domain.LOGISTICS).metric("position")
            .position(new io.parkwatch.contracts.reading.Position(43.9, 116.0, 30, 90, 1000, 0, 2)).unit("")
            .observedAt(T0).receivedAt(T0).quality(Quality.N).sourceFormat(SourceFormat.JT808).build();
        readings.pipeInput(position.pointKey(), position, T0);
        assertThat(aggregates.isEmpty()).isTrue();
    }
}
