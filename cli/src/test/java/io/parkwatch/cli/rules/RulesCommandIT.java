package io.parkwatch.cli.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.Main;
import io.parkwatch.contracts.rules.RulePackRecord;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.testkit.SharedServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parkwatch rules load|remove} against the shared real broker. */
class RulesCommandIT {

    @TempDir
    Path dir;

    @Test
    void loadPublishesThePackTextUnderItsNameAndRemoveWithdrawsIt() throws Exception {
        String kafka = SharedServers.kafka().bootstrapServers();
        String name = "site-" + UUID.randomUUID().toString().substring(0, 8);
        String yaml = "pack: " + name + "\nrules:\n  - id: boiler\n    match: {metric: temp}\n    above: {critical: 90}\n";
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, yaml);

        assertThat(Main.commandLine().execute("rules", "load", file.toString(), "--kafka", kafka)).isZero();
        assertThat(Main.commandLine().execute("rules", "remove", name, "--kafka", kafka)).isZero();

        List<ConsumerRecord<String, RulePackRecord>> records = read(kafka, name, 2);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).value().yaml()).isEqualTo(yaml);
        assertThat(records.get(0).value().name()).isEqualTo(name);
        assertThat(records.get(1).value()).as("tombstone").isNull();
    }

    private static List<ConsumerRecord<String, RulePackRecord>> read(String kafka, String key, int wanted) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "rules-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, RulePackRecord>> found = new ArrayList<>();
        try (KafkaConsumer<String, RulePackRecord> consumer = new KafkaConsumer<>(props,
            Topics.RULES.keySerde().deserializer(), Topics.RULES.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.RULES.name()));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (found.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, RulePackRecord> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
