package io.parkwatch.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.infra.net.PortInUseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path sharedDir;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startShared() throws IOException {
        kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(sharedDir.resolve("kafka")));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("embedded Kafka: started in %d ms; heap used %d MB after GC; RSS %s%n",
            kafka.startDuration().toMillis(), (rt.totalMemory() - rt.freeMemory()) >> 20, rss());
        assertThat(kafka.freshStorage()).isTrue();
    }

    @AfterAll
    static void stopShared() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void idempotentProducerRecordsAreConsumedBack() {
        assertThat(kafka.createTopic("readings", 3, Map.of())).isTrue();
        List<String> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
            for (int i = 0; i < 300; i++) {
                String value = "reading-" + i;
                producer.send(new ProducerRecord<>("readings", "point-" + (i % 7), value));
                sent.add(value);
            }
            producer.flush();
        }
        List<ConsumerRecord<String, String>> received = consume(kafka, "readings", sent.size(), "read_uncommitted");
        assertThat(received).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(received).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
        assertThat(received).filteredOn(r -> r.key().equals("point-3"))
            .extracting(ConsumerRecord::value)
            .as("records with one key keep their order in one partition")
            .isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
    }

    @Test
    void committedTransactionsAreVisibleAndAbortedOnesAreNot() {
        kafka.createTopic(TopicSpec.of("tx-out", 2));
        Map<String, Object> tx = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = producer(kafka, tx)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-out", "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-out", "k", "committed-1"));
            producer.send(new ProducerRecord<>("tx-out", "k", "committed-2"));
            producer.commitTransaction();
        }
        assertThat(consume(kafka, "tx-out", 2, "read_committed"))
            .extracting(ConsumerRecord::value)
            .containsExactly("committed-1", "committed-2");
    }

    @Test
    void existingTopicIsLeftAsItIs() {
        assertThat(kafka.createTopics(List.of(TopicSpec.of("twice", 2)))).containsExactly("twice");
        assertThat(kafka.createTopics(List.of(TopicSpec.of("twice", 5), TopicSpec.of("once", 1))))
            .containsExactly("once");
    }

    @Test
    void provisionerRefusesReadingsAndAlertCommandsOfDifferentCountsAndAltersNothing() throws Exception {
        String readings = Topics.READINGS.name();
        String commands = Topics.ALERT_COMMANDS.name();
        assertThat(TopicProvisioner.ensure(kafka.bootstrapServers(), 3, (short) 1)).contains(readings, commands);
        // More asked than exist only warns: nothing to create, nothing altered.
        assertThat(TopicProvisioner.ensure(kafka.bootstrapServers(), 6, (short) 1)).isEmpty();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createPartitions(Map.of(readings, NewPartitions.increaseTo(6))).all().get(30, TimeUnit.SECONDS);
            // The broker's metadata catches up with the alter shortly after it returns.
            await().atMost(Duration.ofSeconds(30)).until(() -> partitions(admin, readings) == 6);

            assertThatThrownBy(() -> TopicProvisioner.ensure(kafka.bootstrapServers(), 6, (short) 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(readings + " has 6 partitions")
                .hasMessageContaining(commands + " has 3 partitions");
            assertThat(partitions(admin, commands)).isEqualTo(3);
        }
    }

    @Test
    void restartOnTheSameDirectoryKeepsTopicsAndRecords(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("kafka");
        try (EmbeddedKafka first = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dataDir))) {
            first.createTopic(TopicSpec.compacted("registry", 2));
            try (KafkaProducer<String, String> producer = producer(first, Map.of())) {
                producer.send(new ProducerRecord<>("registry", "point-1", "meter")).get();
                producer.send(new ProducerRecord<>("registry", "point-2", "stack")).get();
            }
        }
        long stopped = System.nanoTime();
        try (EmbeddedKafka second = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dataDir))) {
            System.out.printf("embedded Kafka: restart on existing data took %d ms (start %d ms)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped), second.startDuration().toMillis());
            assertThat(second.freshStorage()).isFalse();
            assertThat(second.createTopic(TopicSpec.compacted("registry", 2))).isFalse();
            assertThat(cleanupPolicy(second, "registry")).isEqualTo("compact");
            assertThat(consume(second, "registry", 2, "read_committed"))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactlyInAnyOrder(
                    tuple("point-1", "meter"),
                    tuple("point-2", "stack"));
        }
    }

    @Test
    void busyPortFailsAtOnceNamingTheFlag(@TempDir Path dir) throws IOException {
        Path dataDir = dir.resolve("kafka");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedKafka.start(EmbeddedKafkaConfig.of(dataDir).withPort(port)))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("--kafka-port")
                .hasMessageContaining(String.valueOf(port));
        }
        assertThat(dataDir).as("nothing was formatted").doesNotExist();
    }

    @Test
    void secondBrokerOnADirectoryInUseFailsAndTheFirstKeepsRunning() {
        assertThatThrownBy(() -> EmbeddedKafka.start(EmbeddedKafkaConfig.of(kafka.dataDir())))
            .isInstanceOf(KafkaStartException.class)
            .hasMessageContaining("is in use by another embedded Kafka broker");
        assertThat(kafka.createTopic(TopicSpec.of("still-running", 1))).isTrue();
    }

    @Test
    void controllerFailingToStartFailsTheStartInsteadOfEndingTheJvm(@TempDir Path dir) throws IOException {
        Path dataDir = dir.resolve("kafka");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafka.start(EmbeddedKafkaConfig.of(dataDir), taken.getLocalPort()))
                .isInstanceOf(KafkaStartException.class)
                .hasMessageContaining("did not start");
        }
        try (EmbeddedKafka again = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dataDir))) {
            assertThat(again.freshStorage()).as("formatted by the failed start, reused now").isFalse();
        }
    }

    @Test
    void closeStopsTheBrokerAndFreesItsPort(@TempDir Path dir) {
        int port = LoopbackPorts.freePort();
        EmbeddedKafka stopped = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka")).withPort(port));
        assertThat(stopped.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
        long closing = System.nanoTime();
        stopped.close();
        System.out.printf("embedded Kafka: close took %d ms%n",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing));
        assertThat(connects(port)).as("nothing listens on the port").isFalse();
        assertThatCode(() -> LoopbackPorts.requireFree("127.0.0.1", port, EmbeddedKafka.PORT_FLAG))
            .doesNotThrowAnyException();
        assertThatCode(stopped::close).as("close is idempotent").doesNotThrowAnyException();
        assertThatThrownBy(() -> stopped.createTopic(TopicSpec.of("late", 1)))
            .isInstanceOf(IllegalStateException.class);
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka broker, Map<String, Object> extra) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.putAll(extra);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consume(
            EmbeddedKafka broker, String topic, int expected, String isolation) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                 new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + CONSUME_TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more short poll: anything beyond the expected records would be a bug.
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }

    private static String cleanupPolicy(EmbeddedKafka broker, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            return config.get("cleanup.policy").value();
        }
    }

    private static boolean connects(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
    }

    private static int number(String value) {
        return Integer.parseInt(value.substring(value.indexOf('-') + 1));
    }

    private static String rss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream()
            .filter(line -> line.startsWith("VmRSS:"))
            .map(line -> line.substring("VmRSS:".length()).strip())
            .findFirst().orElse("n/a");
    }
}
