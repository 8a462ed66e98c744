package io.parkwatch.cli.permits;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.alerts.topology.AlertsConfig;
import io.parkwatch.alerts.topology.AlertsTopology;
import io.parkwatch.alerts.topology.ThresholdMetrics;
import io.parkwatch.cli.Main;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.streams.StreamsApp;
import io.parkwatch.transport.streams.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parkwatch permits load} against the shared real broker and the real alerts engine: a
 * cement kiln's permitted NOx (400 mg/m³ at 10 % O₂) lets an hour pass that the park-wide
 * ultra-low limit (50 at 6 %) raises at an unpermitted stack, and the permit's own SO₂ limit
 * raises where the park-wide one would not; a permit naming an outlet point the registry does not
 * have is refused whole, nothing of it published.
 */
class PermitAlertsIT {

    private static final String PERMIT = """
        version: 1
        permit: 91150624XXXXXXXXX5001P
        park: %s
        enterprise: kiln
        outlets:
          - id: DA001
            medium: air
            points: [stack-1]
            pollutants:
              - {pollutant: a21002, limit: 400, unit: mg/m3, oxygen: 10, period: hour}
              - {pollutant: a21026, limit: 20, unit: mg/m3, oxygen: 10, period: hour}
        """;

    /** Past whole hours: the engine judges an hour by event time, so the test need not wait for one. */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));

    @TempDir
    Path dir;

    private final String kafka = SharedServers.kafka().bootstrapServers();
    private final String park = "pm" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPermitJudgesItsKilnInsteadOfTheParkWideLimitAndAPermitWithAnUnknownOutletIsRefusedWhole()
        throws Exception {
        TopicProvisioner.ensure(kafka, 3, (short) 1);
        register();
        Path good = dir.resolve("kiln.yaml");
        Files.writeString(good, PERMIT.formatted(park));
        Path unknownOutlet = dir.resolve("other.yaml");
        Files.writeString(unknownOutlet, PERMIT.formatted(park).replace("enterprise: kiln", "enterprise: other")
            .replace("points: [stack-1]", "points: [stack-9]"));

        assertThat(Main.commandLine().execute("permits", "load", unknownOutlet.toString(), "--kafka", kafka))
            .as("refused: exit code 2").isEqualTo(2);
        assertThat(Main.commandLine().execute("permits", "load", good.toString(), "--kafka", kafka)).isZero();
        assertThat(keysOn(Topics.PERMITS.name(), park + "/kiln")).doesNotContain(park + "/other");
        assertThat(keysOn(Topics.RULES.name(), "permit." + park + ".kiln"))
            .doesNotContain("permit." + park + ".other");

        try (StreamsApp app = startAlerts()) {
            awaitConsuming();
            for (int minute = 0; minute < 60; minute += 10) {
                Instant at = T0.plus(Duration.ofMinutes(minute));
                for (String point : List.of("stack-1", "stack-2")) {
                    send(point, "a19001-Rtd", 10, "%", at);
                    send(point, "a21002-Rtd", 200, "mg/m3", at);
                    send(point, "a21026-Rtd", 25, "mg/m3", at);
                }
            }
            // Stream time past the hour's grace on each point's partition.
            send("stack-1", "a19001-Rtd", 10, "%", T0.plus(Duration.ofMinutes(75)));
            send("stack-2", "a19001-Rtd", 10, "%", T0.plus(Duration.ofMinutes(75)));

            List<AlertEvent> alerts = alertsUntil(events -> events.stream().anyMatch(e -> e.pointKey()
                .endsWith("/stack-2")) && events.stream().anyMatch(e -> e.pointKey().endsWith("/stack-1")));

            assertThat(alerts).extracting(e -> e.pointKey().substring(park.length() + 1) + " " + e.ruleId())
                .containsExactlyInAnyOrder("kiln/stack-1 permit." + park + ".kiln.DA001.a21026",
                    "kiln/stack-2 nox-hourly-ultra-low");
        }
    }

    private void register() throws Exception {
        List<RegistryRecord> records = List.of(RegistryRecord.of(new ParkEntry(park, park, null, null)),
            RegistryRecord.of(new EnterpriseEntry(park, "kiln", "kiln", Set.of(), EnterpriseStatus.OPERATING, null,
                null)),
            RegistryRecord.of(new EnterpriseEntry(park, "other", "other", Set.of(), EnterpriseStatus.OPERATING,
                null, null)),
            RegistryRecord.of(stack("kiln", "stack-1")), RegistryRecord.of(stack("kiln", "stack-2")),
            RegistryRecord.of(stack("other", "stack-1")));
        try (KafkaProducer<String, RegistryRecord> producer = new KafkaProducer<>(producerProps(),
            Topics.REGISTRY.keySerde().serializer(), Topics.REGISTRY.valueSerde().serializer())) {
            for (RegistryRecord record : records) {
                producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), record.key(), record)).get();
            }
        }
    }

    private PointEntry stack(String enterprise, String id) {
        return new PointEntry(park, enterprise, id, PointKind.CEMS_STACK.module(), PointKind.CEMS_STACK.wireName(),
            Duration.ofMinutes(1), null, null, true);
    }

    private StreamsApp startAlerts() throws InterruptedException {
        AlertsConfig config = new AlertsConfig(List.of(RuleFileReader.defaultPack()),
            Set.of(AlertsConfig.DEFAULT_PROFILE), Duration.ofMinutes(15), Duration.ofSeconds(1), ThresholdMetrics.NONE);
        Map<String, Object> overrides = new HashMap<>(AlertsTopology.STREAMS_OVERRIDES);
        // Only this test's readings: the shared topic holds other tests' newer ones, which would
        // carry stream time past this test's hour (the global tables still read from the start).
        overrides.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "latest");
        StreamsApp app = new StreamsApp(AlertsTopology.build(config), new StreamsSettings("permits-it-" + park, kafka,
            SharedServers.directory("permits-alerts-state"), 1, 1, StreamsSettings.DEFAULT_COMMIT_INTERVAL), overrides,
            new SimpleMeterRegistry());
        try {
            app.start(Duration.ofSeconds(60));
        } catch (InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Sends a gas reading over its set-point (older than the hour judged) until its alert shows the engine reads. */
    private void awaitConsuming() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int probe = 0; System.nanoTime() < deadline; probe++) {
            Reading gas = Reading.builder().messageId(park + "-probe-" + probe).park(park).enterprise("kiln")
                .point("probe").domain(Domain.SAFETY).metric("lel").value(60.0).unit("%LEL")
                .observedAt(T0.minusSeconds(600 - probe)).receivedAt(T0).quality(Quality.N)
                .sourceFormat(SourceFormat.JSON).build();
            publish(gas);
            if (!alertsUntil(events -> !events.isEmpty(), Duration.ofSeconds(2), "/probe").isEmpty()) {
                return;
            }
        }
        throw new AssertionError("the alerts engine did not consume the readings topic within 20 s");
    }

    private void send(String point, String metric, double value, String unit, Instant at) throws Exception {
        publish(Reading.builder().messageId(park + point + metric + at.toEpochMilli()).park(park).enterprise("kiln")
            .point(point).domain(Domain.EMISSIONS).metric(metric).value(value).unit(unit).observedAt(at)
            .receivedAt(at).quality(Quality.N).sourceFormat(SourceFormat.HJ212).build());
    }

    private void publish(Reading reading) throws Exception {
        try (KafkaProducer<String, Reading> producer = new KafkaProducer<>(producerProps(),
            Topics.READINGS.keySerde().serializer(), Topics.READINGS.valueSerde().serializer())) {
            // Stamped with the reading's own time, as the gateway publishes a reading when it arrives:
            // the engine's stream time is the record time.
            producer.send(new ProducerRecord<>(Topics.READINGS.name(), null, reading.observedAt().toEpochMilli(),
                reading.pointKey(), reading)).get();
        }
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private List<AlertEvent> alertsUntil(Predicate<List<AlertEvent>> done) {
        return alertsUntil(done, Duration.ofSeconds(30), "/stack-");
    }

    /** This test's committed alert events at points whose key contains {@code points}, until {@code done} or the timeout. */
    private List<AlertEvent> alertsUntil(Predicate<List<AlertEvent>> done, Duration timeout, String points) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "permits-it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<AlertEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, AlertEvent> consumer = new KafkaConsumer<>(props,
            Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(events) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, AlertEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    AlertEvent event = record.value();
                    if (event != null && event.pointKey().startsWith(park + "/") && event.pointKey().contains(points)) {
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }

    /**
     * The committed keys on a topic from its start until {@code wanted} has come and the end is
     * reached (the transaction's commit markers land just after the load returns).
     */
    private List<String> keysOn(String topic, String wanted) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
            new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                if (keys.contains(wanted) && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    return keys;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
        }
        throw new AssertionError(wanted + " did not reach " + topic + " within 20 s");
    }
}
