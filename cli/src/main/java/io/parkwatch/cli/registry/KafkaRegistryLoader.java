package io.parkwatch.cli.registry;

import io.parkwatch.contracts.json.JsonSerdeException;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.kafka.KafkaConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes the compacted registry topic hold exactly a (validated) registry: reads the topic to its
 * end, publishes what is new or different, tombstones what the registry no longer has, and
 * leaves the rest alone so that consumers see only real changes.
 */
public final class KafkaRegistryLoader {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConnection kafka;

    public KafkaRegistryLoader(String bootstrapServers) {
        this(KafkaConnection.to(bootstrapServers));
    }

    public KafkaRegistryLoader(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    public LoadSummary load(Registry registry) throws InterruptedException {
        RegistryDiff diff = RegistryDiff.of(current(), registry.records());
        publish(diff);
        return diff.summary();
    }

    /**
     * The registry the topic holds now (its readable entries), e.g. to check a permit against; the
     * topic must exist.
     */
    public Registry published() {
        List<ParkEntry> parks = new ArrayList<>();
        List<EnterpriseEntry> enterprises = new ArrayList<>();
        List<PointEntry> points = new ArrayList<>();
        for (RegistryRecord record : current().values()) {
            if (record != null && record.park() != null) {
                parks.add(record.park());
            } else if (record != null && record.enterprise() != null) {
                enterprises.add(record.enterprise());
            } else if (record != null) {
                points.add(record.point());
            }
        }
        return new Registry(parks, enterprises, points);
    }

    /** The latest value of every live key; an unreadable value is kept as null so that it is replaced. */
    Map<String, RegistryRecord> current() {
        Properties config = new Properties();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "parkwatch-registry-load");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        kafka.apply(config);
        Map<String, RegistryRecord> current = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRY.name(), TIMEOUT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.REGISTRY.name() + " does not exist on "
                    + kafka.bootstrapServers());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.REGISTRY.name() + " to its end within "
                        + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(current, record);
                }
            }
        }
        return current;
    }

    private static void apply(Map<String, RegistryRecord> current, ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            current.remove(record.key());
            return;
        }
        try {
            current.put(record.key(), Topics.REGISTRY.valueSerde().deserializer().deserialize(record.topic(),
                record.value()));
        } catch (JsonSerdeException | IllegalArgumentException e) {
            current.put(record.key(), null);
        }
    }

    private void publish(RegistryDiff diff) throws InterruptedException {
        if (diff.publish().isEmpty() && diff.remove().isEmpty()) {
            return;
        }
        var serializer = Topics.REGISTRY.valueSerde().serializer();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                DurableProducerSettings.of(kafka, "parkwatch-registry-load"), new StringSerializer(),
                (topic, data) -> data)) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (RegistryRecord record : diff.publish()) {
                sends.add(producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), record.key(),
                    serializer.serialize(Topics.REGISTRY.name(), record))));
            }
            for (String key : diff.remove()) {
                sends.add(producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), key, null)));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + Topics.REGISTRY.name() + " failed: "
                + e.getCause().getMessage(), e.getCause());
        }
    }
}
