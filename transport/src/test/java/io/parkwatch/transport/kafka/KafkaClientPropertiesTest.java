package io.parkwatch.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.transport.streams.StreamsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientPropertiesTest {

    private static final String SCRAM = "security.protocol=SASL_SSL\n"
        + "sasl.mechanism=SCRAM-SHA-512\n"
        + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
        + "username=\"gw\" password=\"s3cret\";\n"
        + "ssl.truststore.type=PEM\n"
        + "compression.type=zstd\n";

    @TempDir
    Path dir;

    private Path file(String text, String mode) throws IOException {
        Path file = dir.resolve("kafka.properties");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void anOwnerOnlyFileIsReadWithEveryProperty() throws IOException {
        Map<String, String> props = KafkaClientProperties.load(file(SCRAM, "rw-------"), "--kafka-config");

        assertThat(props).containsEntry("security.protocol", "SASL_SSL")
            .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
            .containsEntry("compression.type", "zstd")
            .hasSize(5);
    }

    @Test
    void aFileGroupOrOthersCanReadIsRefusedNamingOptionFileAndMode() throws IOException {
        Path file = file(SCRAM, "rw-r--r--");

        assertThatThrownBy(() -> KafkaClientProperties.load(file, "--kafka-config"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--kafka-config: " + file)
            .hasMessageContaining("rw-r--r--")
            .hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> KafkaClientProperties.load(file, "--kafka-config"))
            .hasMessageContaining("rw-r-----");
    }

    @Test
    void aMissingFileIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> KafkaClientProperties.load(dir.resolve("none.properties"), "--kafka-config"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--kafka-config: ")
            .hasMessageContaining("is not a readable file");
    }

    @Test
    void aReservedKeyIsRefusedInOneLineNamingFileAndKey() throws IOException {
        Path file = file(SCRAM + "enable.idempotence=false\n", "rw-------");

        assertThatThrownBy(() -> KafkaClientProperties.load(file, "--kafka-config"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("--kafka-config " + file + ": enable.idempotence may not be set here")
            .hasMessageNotContaining("\n");
    }

    @Test
    void aReservedKeyBehindAStreamsClientPrefixIsRefusedToo() throws IOException {
        for (String key : new String[] {"producer.acks", "main.consumer.isolation.level", "consumer.group.id",
            "restore.consumer.isolation.level", "admin.bootstrap.servers"}) {
            Path file = file(key + "=x\n", "rw-------");
            assertThatThrownBy(() -> KafkaClientProperties.load(file, "--kafka-config")).as(key)
                .hasMessageContaining(": " + key + " may not be set here");
        }
    }

    @Test
    void everyGuaranteeKeyIsReserved() {
        assertThat(KafkaClientProperties.RESERVED).containsKeys("bootstrap.servers", "acks", "enable.idempotence",
            "isolation.level", "enable.auto.commit", "processing.guarantee", "group.id", "application.id",
            "transactional.id", "auto.offset.reset");
    }

    @Test
    void theFileGoesOverParkwatchTuningButNeverOverTheGuarantees() {
        KafkaConnection kafka = new KafkaConnection("k1:9093", Map.of("compression.type", "zstd",
            "security.protocol", "SASL_SSL"));

        Map<String, Object> producer = DurableProducerSettings.of(kafka, "gw");

        assertThat(producer).containsEntry("compression.type", "zstd")
            .containsEntry("security.protocol", "SASL_SSL")
            .containsEntry("bootstrap.servers", "k1:9093")
            .containsEntry("acks", "all")
            .containsEntry("enable.idempotence", true)
            .containsEntry("client.id", "gw");
    }

    @Test
    void streamsGetTheFileAtTheTopLevelWhichKafkaStreamsPassesToAllItsClients() {
        KafkaConnection kafka = new KafkaConnection("k1:9093", Map.of("security.protocol", "SASL_SSL"));

        Properties props = new StreamsSettings("app", kafka, Path.of("state"), 1, 3, Duration.ofMillis(200))
            .toProperties();

        assertThat(props).containsEntry("security.protocol", "SASL_SSL")
            .containsEntry("bootstrap.servers", "k1:9093")
            .containsEntry("processing.guarantee", "exactly_once_v2")
            .containsEntry("topic.min.insync.replicas", 2);
    }

    @Test
    void aConnectionCannotBeBuiltAroundTheCheck() {
        assertThatThrownBy(() -> new KafkaConnection("k1:9092", Map.of("isolation.level", "read_uncommitted")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("isolation.level may not be set here");
    }

    @Test
    void itsTextNeverShowsTheSecrets() {
        KafkaConnection kafka = new KafkaConnection("k1:9093", Map.of("sasl.jaas.config", "password=\"s3cret\";"));

        assertThat(kafka.toString()).isEqualTo("k1:9093 (+1 client properties)").doesNotContain("s3cret");
    }
}
