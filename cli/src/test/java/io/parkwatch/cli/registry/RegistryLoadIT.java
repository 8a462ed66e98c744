package io.parkwatch.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.Main;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.ingest.directory.KafkaPointDirectory;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.kafka.UnreadableRecords;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code parkwatch registry load} against the real broker, and the gateway's directory following it. */
class RegistryLoadIT {

    private static final String FILE = """
        parks:
          - {id: regit, name: 测试园区}
        enterprises:
          - {park: regit, id: m01, name: 内蒙古XX化工有限公司, classes: [chemical, key-emergency-supervised]}
        points:
          - {park: regit, enterprise: m01, id: elec-01, kind: electricity-meter, interval: 15s}
          - {park: regit, enterprise: m01, id: gd-01, kind: gas-detector, interval: 10s}
          - {park: regit, enterprise: m01, id: stack-01, kind: cems-stack, interval: 1m, mn: "99990000000001"}
        vehicles:
          - {park: regit, id: hz-01, kind: hazmat-vehicle, interval: 10s, terminal: "019900000001"}
        """;

    private final String kafka = SharedServers.kafka().bootstrapServers();

    @AfterAll
    static void emptyTheRegistryForTheNextTests() throws InterruptedException {
        new KafkaRegistryLoader(SharedServers.kafka().bootstrapServers())
            .load(new Registry(List.of(), List.of(), List.of()));
    }

    private int run(String... args) {
        StringWriter err = new StringWriter();
        return Main.commandLine().setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void loadingPublishesChangesOnlyAndTombstonesWhatTheFileDropped() throws Exception {
        Path first = Files.writeString(SharedServers.directory("registry-load").resolve("registry.yaml"), FILE,
            StandardCharsets.UTF_8);
        assertThat(run("registry", "load", first.toString(), "--kafka", kafka)).isZero();

        try (KafkaPointDirectory directory = KafkaPointDirectory.start(kafka, "registry-it",
                UnreadableRecords.toKafka("gateway", kafka, "registry-it-rejected",
                    new SimpleMeterRegistry(), Clock.systemUTC()))) {
            assertThat(directory.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            assertThat(directory.point("regit", "m01", "gd-01")).isPresent();
            assertThat(directory.pointByMn("regit", "99990000000001")).isPresent();
            assertThat(directory.vehicle("regit", "hz-01")).isPresent();
            assertThat(directory.point("regit", "m01", "tank-01")).isEmpty();

            String second = FILE.replace("  - {park: regit, enterprise: m01, id: gd-01, kind: gas-detector, "
                + "interval: 10s}\n", "  - {park: regit, enterprise: m01, id: tank-01, kind: tank, interval: 30s}\n")
                .replace("interval: 15s", "interval: 30s");
            Path next = Files.writeString(first.resolveSibling("registry-2.yaml"), second, StandardCharsets.UTF_8);
            Registry registry = io.parkwatch.contracts.registry.file.RegistryFileReader.read(next);
            LoadSummary summary = new KafkaRegistryLoader(kafka).load(registry);
            assertThat(summary).isEqualTo(new LoadSummary(1, 1, 4, 1));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(directory.point("regit", "m01", "tank-01")).isPresent();
                assertThat(directory.point("regit", "m01", "gd-01")).isEmpty();
                assertThat(directory.point("regit", "m01", "elec-01")).hasValueSatisfying(
                    p -> assertThat(p.expectedInterval()).isEqualTo(Duration.ofSeconds(30)));
            });
        }
        Map<String, List<byte[]>> topic = topic();
        assertThat(topic.get("point:regit/m01/gd-01")).hasSize(2).last().isNull();
        assertThat(topic.get("point:regit/m01/stack-01")).hasSize(1);
        assertThat(topic.get("point:regit/vehicles/hz-01")).hasSize(1);
        assertThat(topic.get("enterprise:regit/m01")).hasSize(1);
        assertThat(topic.get("park:regit")).hasSize(1);
        assertThat(topic.get("point:regit/m01/elec-01")).hasSize(2);
    }

    @Test
    void anInvalidFileFailsWithItsErrorsAndPublishesNothing() throws Exception {
        Path bad = Files.writeString(SharedServers.directory("registry-bad").resolve("bad.yaml"),
            FILE.replace("id: regit,", "id: regbad,").replace("park: regit", "park: regbad")
                .replace("interval: 15s", "interval: 5x"), StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setErr(new PrintWriter(err, true)).execute("registry", "load", bad.toString(),
            "--kafka", kafka);
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml:6: points[0].interval: '5x' is not a duration");
        assertThat(topic().keySet()).noneMatch(key -> key.contains("regbad"));
        assertThat(run("registry", "check", bad.toString())).isEqualTo(2);
    }

    private Map<String, List<byte[]>> topic() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        Map<String, List<byte[]>> values = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRY.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
                }
            }
        }
        return values;
    }
}
