package io.parkwatch.console.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.transport.kafka.UnreadableRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The console's alert feed against the real broker, with a record on the alerts topic it cannot read. */
class KafkaAlertFeedIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String kafka = SharedServers.kafka().bootstrapServers();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aGarbageRecordIsRejectedAndTheBoardStillShowsTheAlertAfterIt() throws Exception {
        FoldedAlertBoard board = new FoldedAlertBoard(Clock.systemUTC(), 10_000, 10_000, Duration.ofDays(7));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        String alertId = "gas-lel:" + run;
        byte[] garbage = ("garbage " + run).getBytes(StandardCharsets.UTF_8);
        AlertEvent raised = AlertEvents.raised(alertId, "e-" + run, Severity.CRITICAL, Instant.now());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                 DurableProducerSettings.of(kafka, "alert-feed-it"), new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> rejected = rejectedFromEnd();
             KafkaAlertFeed feed = new KafkaAlertFeed(kafka, board, Duration.ZERO, Clock.systemUTC(),
                 UnreadableRecords.toKafka("console", kafka, "alert-feed-it-rejected", meters, Clock.systemUTC()))) {
            RecordMetadata bad = producer.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, alertId, garbage)).get();
            feed.start();
            assertThat(feed.awaitCaughtUp(PATIENCE)).as("caught up past the garbage").isTrue();
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, alertId,
                Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), raised))).get();

            Optional<BoardAlert> shown = Optional.empty();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (shown.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                shown = board.alert(alertId);
            }
            assertThat(shown).as("the alert after the garbage is on the board").isPresent();
            assertThat(feed.alive()).isTrue();

            Rejection rejection = awaitRejection(rejected, garbage);
            assertThat(rejection.reason()).isEqualTo(RejectReason.UNREADABLE_RECORD);
            assertThat(rejection.source()).isEqualTo("console:" + Topics.ALERTS.name() + "/0@" + bad.offset());
            assertThat(rejection.detail()).startsWith("key '" + alertId + "': ");
            assertThat(meters.counter(UnreadableRecords.COUNTER, "topic", Topics.ALERTS.name(), "consumer", "console")
                .count()).isGreaterThanOrEqualTo(1.0);
        }
    }

    private KafkaConsumer<String, byte[]> rejectedFromEnd() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
            new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REJECTED.name()).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static Rejection awaitRejection(KafkaConsumer<String, byte[]> consumer, byte[] raw) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Rejection rejection = Topics.REJECTED.valueSerde().deserializer().deserialize(record.topic(),
                    record.value());
                if (java.util.Arrays.equals(rejection.raw(), raw)) {
                    return rejection;
                }
            }
        }
        throw new AssertionError("no rejection of the garbage within " + PATIENCE);
    }
}
