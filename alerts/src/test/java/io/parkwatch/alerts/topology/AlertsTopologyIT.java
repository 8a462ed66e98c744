package io.parkwatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.streams.StreamsApp;
import io.parkwatch.transport.streams.StreamsSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The alerts topology in a real KafkaStreams (exactly_once_v2) against the shared embedded
 * broker: an exceeding reading gives exactly one RAISED, and an instance restarted on an empty
 * state directory restores the open alert from its changelog instead of raising it again.
 */
class AlertsTopologyIT {

    private static final Instant T0 = Instant.now().minusSeconds(3600);

    private final String bootstrap = SharedServers.kafka().bootstrapServers();
    private final String point = "det-" + UUID.randomUUID().toString().substring(0, 8);
    private final String applicationId = "alerts-it-" + point;

    private StreamsApp start() throws InterruptedException {
        StreamsApp app = new StreamsApp(AlertsTopology.build(AlertsConfig.defaults(ThresholdMetrics.NONE)),
            new StreamsSettings(applicationId, bootstrap, SharedServers.directory("alerts-state"), 1, 1,
                StreamsSettings.DEFAULT_COMMIT_INTERVAL), AlertsTopology.STREAMS_OVERRIDES, new SimpleMeterRegistry());
        try {
            app.start(Duration.ofSeconds(120));
        } catch (InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private void send(double lel, Instant at) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Reading> producer = new KafkaProducer<>(props,
            Topics.READINGS.keySerde().serializer(), Topics.READINGS.valueSerde().serializer())) {
            Reading reading = Reading.builder().messageId(point + at.toEpochMilli()).park("p").enterprise("e")
                .point(point).domain(Domain.SAFETY).metric("lel").value(lel).unit("%LEL").observedAt(at)
                .receivedAt(at).quality(Quality.N).sourceFormat(SourceFormat.JSON).build();
            producer.send(new ProducerRecord<>(Topics.READINGS.name(), reading.pointKey(), reading));
        }
    }

    /** This test's alert events, committed ones only, polled until {@code done} holds or two minutes pass. */
    private List<AlertEvent> alertsUntil(Predicate<List<AlertEvent>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "alerts-it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<AlertEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, AlertEvent> consumer = new KafkaConsumer<>(props,
            Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!done.test(events) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, AlertEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().pointKey().endsWith("/" + point)) {
                        events.add(record.value());
                    }
                }
            }
        }
        return events;
    }

    private static List<AlertEventType> types(List<AlertEvent> events) {
        return events.stream().map(AlertEvent::type).toList();
    }

    @Test
    void anExceedingReadingRaisesExactlyOnceAndARestartDoesNotRaiseAgain() throws Exception {
        try (StreamsApp app = start()) {
            send(30, T0);
            send(32, T0.plusSeconds(10));
            // Inside the hysteresis band (clear at 20): still the same warning.
            send(22, T0.plusSeconds(15));
            List<AlertEvent> first = alertsUntil(events -> !events.isEmpty());
            assertThat(types(first)).containsExactly(AlertEventType.RAISED);
        }

        try (StreamsApp restarted = start()) {
            send(60, T0.plusSeconds(20));
            List<AlertEvent> all = alertsUntil(events -> types(events).contains(AlertEventType.ESCALATED));

            assertThat(types(all)).containsExactly(AlertEventType.RAISED, AlertEventType.ESCALATED);
            assertThat(all.get(1).alertId()).isEqualTo(all.get(0).alertId());
            assertThat(all.get(1).occurrences()).isEqualTo(4);
            assertThat(all.get(1).peakValue()).isEqualTo(60.0);
        }
    }
}
