package io.parkwatch.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaConfigTest {

    private static final Path DIR = Path.of("target", "kafka-data");

    @Test
    void defaultsAreLoopbackAnyFreePortAndThirtySeconds() {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.of(DIR);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.dataDir()).isAbsolute().endsWithRaw(DIR);
        assertThat(config.overrides()).isEmpty();
        assertThat(config.startTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void nullsMeanDefaults() {
        EmbeddedKafkaConfig config = new EmbeddedKafkaConfig(null, 9092, DIR, null, null);
        assertThat(config.host()).isEqualTo(EmbeddedKafkaConfig.DEFAULT_HOST);
        assertThat(config.overrides()).isEmpty();
        assertThat(config.startTimeout()).isEqualTo(EmbeddedKafkaConfig.DEFAULT_START_TIMEOUT);
    }

    @Test
    void localhostIsAccepted() {
        assertThat(EmbeddedKafkaConfig.of(DIR).withHost("localhost").host()).isEqualTo("localhost");
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> EmbeddedKafkaConfig.of(DIR).withPort(70_000))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("70000")
            .hasMessageContaining("0 (any free port)");
        assertThatThrownBy(() -> EmbeddedKafkaConfig.of(DIR).withPort(-1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonLoopbackOrBlankHostIsRefused() {
        assertThatThrownBy(() -> EmbeddedKafkaConfig.of(DIR).withHost("0.0.0.0"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> EmbeddedKafkaConfig.of(DIR).withHost(" "))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("blank");
    }

    @Test
    void dataDirIsRequired() {
        assertThatThrownBy(() -> EmbeddedKafkaConfig.of(null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("data directory");
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> EmbeddedKafkaConfig.of(DIR).withStartTimeout(Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("timeout");
    }

    @Test
    void overridesMayNotChangeTheNodeLayout() {
        assertThatThrownBy(() -> EmbeddedKafkaConfig.of(DIR)
                .withOverrides(Map.of("listeners", "PLAINTEXT://0.0.0.0:9092", "log.dirs", "/tmp/x")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("[listeners, log.dirs]");
    }

    @Test
    void overridesWinOverSmallNodeDefaultsButNotOverTheLayout() {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.of(DIR)
            .withOverrides(Map.of("log.cleaner.dedupe.buffer.size", "8388608", "num.partitions", "3"));
        var properties = BrokerSettings.properties(config, 19092, 19093);
        assertThat(properties)
            .containsEntry("log.cleaner.dedupe.buffer.size", "8388608")
            .containsEntry("num.partitions", "3")
            .containsEntry("transaction.state.log.replication.factor", "1")
            .containsEntry("transaction.state.log.min.isr", "1")
            .containsEntry("auto.create.topics.enable", "false")
            .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
            .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
            .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
            .containsEntry("log.dirs", config.dataDir().resolve("logs").toString())
            .containsEntry("metadata.log.dir", config.dataDir().resolve("metadata").toString());
    }
}
