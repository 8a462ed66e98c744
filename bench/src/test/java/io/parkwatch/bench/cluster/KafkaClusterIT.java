package io.parkwatch.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.cli.runtime.StreamsRuntime;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoBroker;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.sink.SinkSettings;
import io.parkwatch.sink.influx.RetentionSettings;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.testkit.TestAccounts;
import io.parkwatch.transport.retry.Backoff;
import io.parkwatch.transport.streams.StreamsSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * Three KRaft brokers, each a process, parkwatch's topics at replication factor 3 with
 * {@code min.insync.replicas=2}. While QoS 1 publishers send readings through the real pipeline
 * (gateway, both streams applications and the sink, in this JVM), the broker leading the readings'
 * first partition is killed with SIGKILL and started again in place. Every message the MQTT broker
 * acknowledged is in Kafka exactly once, lands in InfluxDB as its own point, and is counted once
 * in the 1-minute windows (exactly-once streams across the broker's death).
 */
class KafkaClusterIT {

    private static final int PUBLISHERS = 4;
    private static final int PER_PUBLISHER = 1_500;
    private static final int MESSAGES = PUBLISHERS * PER_PUBLISHER;
    /** Per publisher; the whole load takes about 15 s, so the kill and the restart's start fall inside it. */
    private static final int PER_SECOND = 100;
    private static final String DATABASE = "kafka_cluster_it";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path dir = SharedServers.directory("kafka-cluster");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBrokerKilledUnderLoadLosesAndDoublesNothing() throws Exception {
        long began = System.nanoTime();
        List<AutoCloseable> running = new ArrayList<>();
        Path logs = Files.createDirectories(Path.of("target", "cluster-logs", "run-" + System.currentTimeMillis()))
            .toAbsolutePath();
        try (KafkaCluster cluster = KafkaCluster.start(dir.resolve("kafka"), logs);
             MosquittoBroker mqtt = MosquittoBroker.start(MosquittoConfig.defaults(dir.resolve("mqtt"),
                 new StaticAccessPolicy(TestAccounts.all())))) {
            String kafka = cluster.bootstrapServers();
            long clusterUp = System.nanoTime();
            TopicProvisioner.ensure(kafka, 3, (short) 3);
            int victim = checkTopicsAndFindLeader(kafka);
            String influx = SharedServers.influxd().url();
            try {
                startPipeline(kafka, mqtt.uri(), influx, running);
                long pipelineUp = System.nanoTime();

                loadWithAKill(cluster, victim, mqtt.uri());
                double rejoined = awaitFullIsr(kafka);
                Map<String, Integer> inKafka = awaitInKafka(kafka);
                long points = awaitCount(influx, "SELECT count(value) FROM reading WHERE point =~ /^cluster-p/",
                    MESSAGES);
                long windowed = awaitCount(influx, "SELECT sum(\"count\") FROM agg_1m.aggregate WHERE \"window\" = '1m' "
                    + "AND point =~ /^cluster-p/", MESSAGES);
                long duplicates = inKafka.values().stream().mapToLong(count -> count - 1).sum();
                long missing = MESSAGES - inKafka.size();
                System.out.printf("kafka cluster IT: %d acknowledged; Kafka %d distinct, %d missing, %d duplicates; "
                        + "InfluxDB %d points; 1-minute windows count %d; cluster up in %.1f s, pipeline in %.1f s, "
                        + "all replicas in sync %.1f s after the load, %.1f s in all%n", MESSAGES, inKafka.size(), missing,
                    duplicates, points, windowed, (clusterUp - began) / 1e9, (pipelineUp - clusterUp) / 1e9, rejoined,
                    (System.nanoTime() - began) / 1e9);
                assertThat(missing).as("acknowledged messages missing from Kafka (logs: %s)", cluster.log(victim))
                    .isZero();
                assertThat(duplicates).as("messages twice in Kafka").isZero();
                assertThat(points).as("points in InfluxDB").isEqualTo(MESSAGES);
                assertThat(windowed).as("readings counted by the 1-minute windows").isEqualTo(MESSAGES);
            } finally {
                for (int i = running.size() - 1; i >= 0; i--) {
                    running.get(i).close();
                }
            }
        }
    }

    /** The sink, both streams applications and the gateway, in this JVM; each added to {@code running}. */
    private void startPipeline(String kafka, String mqtt, String influx, List<AutoCloseable> running) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        running.add(SinkRuntime.start(new SinkSettings(kafka, "cluster-sink", 1_000, Duration.ofMillis(100),
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2))), InfluxTarget.v1(influx, DATABASE),
            RetentionSettings.defaults(), meters, Clock.systemUTC()));
        running.add(StreamsRuntime.start(new StreamsSettings("cluster-it", kafka, dir.resolve("streams"), 1, 3,
            StreamsSettings.DEFAULT_COMMIT_INTERVAL), meters));
        running.add(GatewayRuntime.start(kafka, new MqttSubscriptionSettings(mqtt, TestAccounts.GATEWAY,
                TestAccounts.password(TestAccounts.GATEWAY), "cluster-gateway", ParkAccounts.GATEWAY_GROUP,
                "parks/#", 200, 300),
            RegistryView.of(points()), meters, Clock.systemUTC()));
    }

    /** The whole load; the victim is killed a fifth of the way in and started again at two fifths. */
    private static void loadWithAKill(KafkaCluster cluster, int victim, String mqtt) throws Exception {
        // All event times in the minute before this one: one 1-minute window per point.
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(55);
        try (ClusterLoad load = ClusterLoad.start(mqtt, PUBLISHERS, PER_PUBLISHER, PER_SECOND, base)) {
            load.awaitAcknowledged(MESSAGES / 5, PATIENCE);
            cluster.kill(victim);
            long killedAt = load.acknowledged();
            load.awaitAcknowledged(2 * MESSAGES / 5, PATIENCE);
            long restartFrom = load.acknowledged();
            cluster.startNode(victim);
            long restartedAt = load.acknowledged();
            load.awaitAcknowledged(MESSAGES, PATIENCE);
            System.out.printf("kafka cluster IT: node %d killed at %d acknowledged messages, restarted from %d, "
                + "serving again at %d%n", victim, killedAt, restartFrom, restartedAt);
        }
    }

    private static List<PointEntry> points() {
        List<PointEntry> points = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            points.add(new PointEntry(TestAccounts.PARK, ClusterLoad.enterprise(p), ClusterLoad.point(p), Module.ENERGY,
                "electricity-meter", Duration.ofMinutes(1), null, null));
        }
        return points;
    }

    /** The topics are replicated 3 times with 2 in-sync replicas required; answers the readings' first leader. */
    private static int checkTopicsAndFindLeader(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            TopicDescription readings = admin.describeTopics(List.of(Topics.READINGS.name())).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(Topics.READINGS.name());
            assertThat(readings.partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.READINGS.name());
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            return readings.partitions().get(0).leader().id();
        }
    }

    /**
     * Waits until every partition of the readings topic has its 3 replicas in sync again: the
     * restarted node caught up from its own data directory. Answers the seconds it took.
     */
    private static double awaitFullIsr(String kafka) throws Exception {
        long from = System.nanoTime();
        long deadline = from + PATIENCE.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            while (true) {
                TopicDescription readings = admin.describeTopics(List.of(Topics.READINGS.name())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.READINGS.name());
                if (readings.partitions().stream().allMatch(partition -> partition.isr().size() == 3)) {
                    return (System.nanoTime() - from) / 1e9;
                }
                assertThat(System.nanoTime()).as("the restarted node back in every in-sync replica set: %s", readings)
                    .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    /** Message id to records of it in the readings topic, once every acknowledged message is there. */
    private Map<String, Integer> awaitInKafka(String kafka) throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, Reading> consumer = new KafkaConsumer<>(props,
                Topics.READINGS.keySerde().deserializer(), Topics.READINGS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.READINGS.name(), Duration.ofSeconds(30))
                .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (counts.size() < MESSAGES && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Reading> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(record.value().messageId(), 1, Integer::sum);
                }
            }
            // Anything doubled arrives with or soon after the rest: one more look.
            for (ConsumerRecord<String, Reading> record : consumer.poll(Duration.ofSeconds(1))) {
                counts.merge(record.value().messageId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The query's single number once it reaches {@code expected}, or the last one seen at the deadline. */
    private long awaitCount(String influx, String query, long expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            last = count(influx, query);
            if (last >= expected) {
                return last;
            }
            Thread.sleep(500);
        }
        return last;
    }

    private static final Pattern VALUE = Pattern.compile("\"values\":\\[\\[\"[^\"]*\",(\\d+)");

    private long count(String influx, String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(influx + "/query?db="
            + DATABASE + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
            HttpResponse.BodyHandlers.ofString());
        Matcher value = VALUE.matcher(response.body());
        return value.find() ? Long.parseLong(value.group(1)) : 0;
    }
}
