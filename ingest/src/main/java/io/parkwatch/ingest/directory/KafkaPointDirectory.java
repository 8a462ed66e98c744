package io.parkwatch.ingest.directory;

import io.parkwatch.contracts.json.JsonSerdeException;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's directory, read from the compacted registry topic: from the beginning at start,
 * then every change as it comes (an added point is accepted from then on, a removed one
 * refused). Its own thread owns the consumer; no consumer group, no committed offsets: each
 * gateway reads the whole topic.
 */
public final class KafkaPointDirectory implements PointDirectory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPointDirectory.class);

    private final RegistryView view = new RegistryView();
    private final KafkaConsumer<String, byte[]> consumer;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    private KafkaPointDirectory(String bootstrapServers, String clientId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "registry-directory");
        this.thread.setDaemon(true);
    }

    /** Starts reading the registry topic; {@link #awaitCaughtUp} tells when the start-up state is in. */
    public static KafkaPointDirectory start(String bootstrapServers, String clientId) {
        KafkaPointDirectory directory = new KafkaPointDirectory(bootstrapServers, clientId);
        directory.thread.start();
        return directory;
    }

    /** Whether every record present at start has been applied within {@code timeout}. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRY.name(), Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.REGISTRY.name() + " does not exist");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> startEnd = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (caughtUp.getCount() > 0 && partitions.stream()
                        .allMatch(p -> consumer.position(p) >= startEnd.getOrDefault(p, 0L))) {
                    LOG.info("registry read: {} parks, enterprises and points", view.size());
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: a normal stop.
        } catch (RuntimeException e) {
            LOG.error("registry directory stopped reading {}: the gateway keeps its last view",
                Topics.REGISTRY.name(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        try {
            RegistryRecord value = Topics.REGISTRY.valueSerde().deserializer().deserialize(record.topic(),
                record.value());
            view.apply(record.key(), value);
        } catch (JsonSerdeException | IllegalArgumentException e) {
            // Bad registry data is the loader's mistake: skip it loudly rather than stop the gateway.
            LOG.warn("skipping unreadable registry record {}: {}", record.key(), e.getMessage());
        }
    }

    @Override
    public boolean knowsPark(String park) {
        return view.knowsPark(park);
    }

    @Override
    public boolean knowsEnterprise(String park, String enterprise) {
        return view.knowsEnterprise(park, enterprise);
    }

    @Override
    public Optional<PointEntry> point(String park, String enterprise, String point) {
        return view.point(park, enterprise, point);
    }

    @Override
    public Optional<PointEntry> pointByMn(String park, String mn) {
        return view.pointByMn(park, mn);
    }

    @Override
    public List<PointEntry> pointsByMn(String mn) {
        return view.pointsByMn(mn);
    }

    @Override
    public Optional<PointEntry> vehicle(String park, String vehicle) {
        return view.vehicle(park, vehicle);
    }

    @Override
    public Optional<PointEntry> vehicleByTerminal(String terminal) {
        return view.vehicleByTerminal(terminal);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
