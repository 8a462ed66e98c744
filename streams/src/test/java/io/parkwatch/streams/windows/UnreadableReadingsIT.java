package io.parkwatch.streams.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.transport.streams.StreamsApp;
import io.parkwatch.transport.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * An unreadable reading under exactly-once on the real broker: the rejection the handler returns
 * is committed with the transaction that skips it (a read-committed reader sees it), and the
 * next reading is aggregated.
 */
class UnreadableReadingsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String kafka = SharedServers.kafka().bootstrapServers();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aGarbageReadingIsCommittedToRejectedAndTheNextReadingIsAggregated() throws Exception {
        byte[] garbage = ("garbage " + run).getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.now();
        Reading good = Reading.builder().messageId("m-" + run).park("p").enterprise("e").point("pt-" + run)
            .domain(Domain.ENERGY).metric("kw").value(7.0).unit("kW").observedAt(at).receivedAt(at)
            .quality(Quality.N).sourceFormat(SourceFormat.JSON).build();
        StreamsSettings settings = new StreamsSettings("unreadable-it-" + run, kafka,
            SharedServers.directory("unreadable-it-state"), 1, 1, Duration.ofMillis(100));
        try (KafkaConsumer<String, byte[]> rejected = committedReader();
             KafkaConsumer<String, byte[]> aggregates = committedReader();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                 DurableProducerSettings.of(kafka, "unreadable-it"), new StringSerializer(), new ByteArraySerializer());
             StreamsApp app = new StreamsApp(WindowsTopology.build(List.of(WindowSpec.ONE_MINUTE)), settings,
                 new SimpleMeterRegistry())) {
            atEnd(rejected, Topics.REJECTED.name());
            atEnd(aggregates, Topics.AGGREGATES.name());
            app.start(PATIENCE);
            producer.send(new ProducerRecord<>(Topics.READINGS.name(), good.pointKey(), garbage)).get();
            producer.send(new ProducerRecord<>(Topics.READINGS.name(), good.pointKey(),
                Topics.READINGS.valueSerde().serializer().serialize(Topics.READINGS.name(), good))).get();

            Rejection rejection = Topics.REJECTED.valueSerde().deserializer().deserialize(Topics.REJECTED.name(),
                await(rejected, record -> new String(record.value(), StandardCharsets.UTF_8).contains(run)).value());
            assertThat(rejection.reason()).isEqualTo(RejectReason.UNREADABLE_RECORD);
            assertThat(rejection.raw()).isEqualTo(garbage);
            assertThat(rejection.source()).startsWith(settings.applicationId() + ":" + Topics.READINGS.name() + "/");
            assertThat(await(aggregates, record -> record.key().startsWith(good.pointKey() + "|kw|1m|"))).isNotNull();
            assertThat(app.alive()).isTrue();
        }
    }

    private KafkaConsumer<String, byte[]> committedReader() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
            new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void atEnd(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    private static ConsumerRecord<String, byte[]> await(KafkaConsumer<String, byte[]> consumer,
                                                        java.util.function.Predicate<ConsumerRecord<String, byte[]>> match) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() != null && match.test(record)) {
                    return record;
                }
                seen.add(record.key());
            }
        }
        throw new AssertionError("no matching record within " + PATIENCE + "; saw keys " + seen);
    }
}
