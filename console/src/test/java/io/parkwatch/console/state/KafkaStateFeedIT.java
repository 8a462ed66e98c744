package io.parkwatch.console.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.kafka.UnreadableRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The state feed on a real broker, on topics of its own: a compacted topic read from the
 * beginning next to look-back topics, the way the console reads the registry next to the
 * coverage rows. A control room must see the registry whether it was loaded before or after
 * the service started, and whatever the look-back topics hold.
 */
class KafkaStateFeedIT {

    private static final int PARTITIONS = 3;
    private static final Duration LOOK_BACK = Duration.ofDays(2);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String registry = "state-feed-it-registry-" + run;
    private final String rows = "state-feed-it-rows-" + run;
    private final Set<String> registryKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> rowKeys = ConcurrentHashMap.newKeySet();
    private EmbeddedKafka kafka;

    @BeforeEach
    void createTopics() {
        kafka = SharedServers.kafka();
        kafka.createTopic(registry, PARTITIONS, Map.of("cleanup.policy", "compact"));
        kafka.createTopic(rows, PARTITIONS, Map.of("cleanup.policy", "compact"));
    }

    @Test
    void aRegistryLoadedBeforeStartIsFoldedWhenEveryLookBackPartitionHasRecentRows() throws Exception {
        Instant now = Instant.now();
        send(registry, 1, "park:p1", now.minus(Duration.ofDays(30)));
        for (int partition = 0; partition < PARTITIONS; partition++) {
            send(rows, partition, "row-" + partition, now.minusSeconds(60));
        }
        try (KafkaStateFeed feed = feed().start()) {
            assertThat(feed.awaitCaughtUp(WAIT)).as("caught up").isTrue();
            assertThat(registryKeys).containsExactly("park:p1");
            assertThat(rowKeys).containsExactlyInAnyOrder("row-0", "row-1", "row-2");
        }
    }

    @Test
    void rowsOlderThanTheLookBackAreSkippedButTheRegistryIsNot() throws Exception {
        Instant now = Instant.now();
        send(registry, 0, "park:p2", now.minus(Duration.ofDays(30)));
        send(rows, 0, "stale-row", now.minus(Duration.ofDays(3)));
        send(rows, 1, "recent-row", now.minusSeconds(60));
        try (KafkaStateFeed feed = feed().start()) {
            assertThat(feed.awaitCaughtUp(WAIT)).as("caught up").isTrue();
            assertThat(registryKeys).containsExactly("park:p2");
            assertThat(rowKeys).containsExactly("recent-row");
        }
    }

    @Test
    void aRegistryLoadedAfterStartIsFoldedLive() throws Exception {
        Instant now = Instant.now();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            send(rows, partition, "row-" + partition, now.minusSeconds(60));
        }
        try (KafkaStateFeed feed = feed().start()) {
            assertThat(feed.awaitCaughtUp(WAIT)).as("caught up").isTrue();
            send(registry, 2, "park:p3", Instant.now());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!registryKeys.contains("park:p3") && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertThat(registryKeys).containsExactly("park:p3");
        }
    }

    private KafkaStateFeed feed() {
        return new KafkaStateFeed(kafka.bootstrapServers(), "state-feed-it-" + run, List.of(
            new FoldedTopic(registry, Duration.ZERO, (key, value) -> registryKeys.add(key)),
            new FoldedTopic(rows, LOOK_BACK, (key, value) -> rowKeys.add(key))), Clock.systemUTC(),
            UnreadableRecords.toKafka("console", kafka.bootstrapServers(), "state-feed-it-rejected",
                new SimpleMeterRegistry(), Clock.systemUTC()));
    }

    private void send(String topic, int partition, String key, Instant at) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                DurableProducerSettings.of(kafka.bootstrapServers(), "state-feed-it"), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, partition, at.toEpochMilli(), key,
                "{}".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }
}
