package io.parkwatch.streams.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import io.parkwatch.transport.streams.StreamsApp;
import io.parkwatch.transport.streams.StreamsSettings;
import io.parkwatch.testkit.SharedServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The coverage topology in a real KafkaStreams against the embedded broker. */
class CoverageTopologyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final String kafka = SharedServers.kafka().bootstrapServers();
    private final String park = "it-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void publishesCoverageRowsAndADataGapThatARestartNeitherRepeatsNorForgets() throws Exception {
        Properties props = new Properties();
        props.setProperty("coverage.cadence", "1s");
        // Longer than a restart takes, so that a point reporting until the restart stays live across it.
        props.setProperty("coverage.window.minimum", "20s");
        props.setProperty("coverage.window.multiple", "1");
        CoverageConfig config = CoverageProperties.load(props);
        StreamsSettings settings = new StreamsSettings("coverage-it-" + park, kafka,
            SharedServers.directory("coverage-state"), 1, 1, Duration.ofMillis(100));
        String water = park + "/e1/water";
        try (KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.COVERAGE.name(), Topics.ALERTS.name()));
            register(producer);
            try (StreamsApp app = new StreamsApp(CoverageTopology.build(config), settings, new SimpleMeterRegistry())) {
                app.start(PATIENCE);
                CoverageRow bothLive = awaitWhileSending(producer, consumer, Topics.COVERAGE, List.of("elec", "water"),
                    row -> keyMeters(row) && row.live() == 2);
                assertThat(bothLive.required()).isEqualTo(2);

                AlertEvent gap = awaitWhileSending(producer, consumer, Topics.ALERTS, List.of("elec"),
                    event -> park.equals(event.park()) && event.ruleId().equals("data-gap"));
                assertThat(gap.type()).isEqualTo(AlertEventType.RAISED);
                assertThat(gap.pointKey()).isEqualTo(water);
                CoverageRow oneSilent = awaitWhileSending(producer, consumer, Topics.COVERAGE, List.of("elec"),
                    row -> keyMeters(row) && row.silentPoints().contains(water));
                assertThat(oneSilent.live()).isEqualTo(1);
            }
            Instant restarting = Instant.now();
            try (StreamsApp restarted = new StreamsApp(CoverageTopology.build(config), settings,
                    new SimpleMeterRegistry())) {
                restarted.start(PATIENCE);
                List<AlertEvent> events = new ArrayList<>();
                CoverageRow first = awaitWhileSending(producer, consumer, Topics.COVERAGE, List.of("elec"),
                    row -> keyMeters(row) && row.computedAt().isAfter(restarting), events);
                assertThat(first.live()).as("elec, live before the restart, is live in the first row after it")
                    .isEqualTo(1);
                assertThat(first.required()).isEqualTo(2);
                assertThat(first.silentPoints()).as("water, silent before, is still silent").containsExactly(water);
                // Two more cadences: the gap check has run on the restored state.
                for (int cadence = 0; cadence < 2; cadence++) {
                    Instant after = Instant.now();
                    CoverageRow row = awaitWhileSending(producer, consumer, Topics.COVERAGE, List.of("elec"),
                        r -> keyMeters(r) && r.computedAt().isAfter(after), events);
                    assertThat(row.live()).isEqualTo(1);
                    assertThat(row.silentPoints()).containsExactly(water);
                }
                assertThat(events).filteredOn(event -> park.equals(event.park()))
                    .as("no gap raised or cleared by the restart itself, for either point").isEmpty();

                AlertEvent cleared = awaitWhileSending(producer, consumer, Topics.ALERTS, List.of("elec", "water"),
                    event -> water.equals(event.pointKey()));
                assertThat(cleared.type()).as("the restored gap is cleared when data returns")
                    .isEqualTo(AlertEventType.CLEARED);
            }
        }
    }

    private boolean keyMeters(CoverageRow row) {
        return row.park().equals(park) && row.entityClass().equals("key-energy-user-meters");
    }

    private <V> V awaitWhileSending(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer,
                                    TopicSpec<String, V> topic, List<String> points, Predicate<V> matching)
            throws Exception {
        return awaitWhileSending(producer, consumer, topic, points, matching, new ArrayList<>());
    }

    /** Keeps the points reporting until a record of the topic matches; alerts seen meanwhile go to {@code alerts}. */
    private <V> V awaitWhileSending(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer,
                                    TopicSpec<String, V> topic, List<String> points, Predicate<V> matching,
                                    List<AlertEvent> alerts) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (String point : points) {
                send(producer, point);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                if (record.value() == null) {
                    continue;
                }
                if (record.topic().equals(Topics.ALERTS.name())) {
                    alerts.add(Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
                }
                if (record.topic().equals(topic.name())) {
                    V value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
                    if (matching.test(value)) {
                        return value;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic.name() + " within " + PATIENCE);
    }

    private void register(KafkaProducer<String, byte[]> producer) throws Exception {
        List<RegistryRecord> records = List.of(
            RegistryRecord.of(new EnterpriseEntry(park, "e1", "E1", Set.of(EnterpriseClass.KEY_ENERGY_USER))),
            RegistryRecord.of(new PointEntry(park, "e1", "elec", Module.ENERGY, "electricity-meter",
                Duration.ofSeconds(1), null, null)),
            RegistryRecord.of(new PointEntry(park, "e1", "water", Module.ENERGY, "water-meter",
                Duration.ofSeconds(1), null, null)));
        for (RegistryRecord record : records) {
            producer.send(record(Topics.REGISTRY, record.key(), record)).get();
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, String point) throws Exception {
        Instant now = Instant.now();
        Reading reading = Reading.builder().messageId(UUID.randomUUID().toString()).park(park).enterprise("e1")
            .point(point).domain(Domain.ENERGY).metric("kw").value(1.0).unit("kW").observedAt(now).receivedAt(now)
            .quality(Quality.N).sourceFormat(SourceFormat.JSON).build();
        producer.send(record(Topics.READINGS, reading.pointKey(), reading)).get();
    }

    private static <V> ProducerRecord<String, byte[]> record(TopicSpec<String, V> topic, String key, V value) {
        return new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
            ConsumerConfig.GROUP_ID_CONFIG, "coverage-it-reader-" + park,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
            new ByteArrayDeserializer());
    }
}
