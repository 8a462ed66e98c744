package io.parkwatch.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaStorageTest {

    @TempDir
    Path dir;

    @Test
    void formatsANewDirectoryOnceAndThenReusesIt() throws IOException {
        Path data = dir.resolve("kafka");
        assertThat(KafkaStorage.formatIfNeeded(data)).isTrue();
        Path logsMeta = data.resolve("logs").resolve("meta.properties");
        assertThat(logsMeta).exists();
        assertThat(data.resolve("metadata").resolve("meta.properties")).exists();
        String meta = Files.readString(logsMeta);

        assertThat(KafkaStorage.formatIfNeeded(data)).isFalse();
        assertThat(Files.readString(logsMeta)).as("not reformatted").isEqualTo(meta);
    }

    @Test
    void refusesADirectoryThatHoldsSomethingElse() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "not Kafka");
        assertThatThrownBy(() -> KafkaStorage.formatIfNeeded(dir))
            .isInstanceOf(KafkaStartException.class)
            .hasMessageContaining("not empty")
            .hasMessageContaining(dir.toString());
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    @Test
    void refusesPartlyFormattedStorage() throws IOException {
        Path data = dir.resolve("kafka");
        KafkaStorage.formatIfNeeded(data);
        Files.delete(data.resolve("metadata").resolve("meta.properties"));
        assertThatThrownBy(() -> KafkaStorage.formatIfNeeded(data))
            .isInstanceOf(KafkaStartException.class)
            .hasMessageContaining("partly formatted");
    }

    @Test
    void invalidOverrideFailsBeforeTheDirectoryIsFormatted() {
        Path data = dir.resolve("kafka");
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.of(data).withOverrides(Map.of("num.io.threads", "many"));
        assertThatThrownBy(() -> EmbeddedKafka.start(config))
            .isInstanceOf(KafkaStartException.class)
            .hasMessageContaining("num.io.threads");
        assertThat(data).doesNotExist();
    }
}
