package io.parkwatch.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.Main;
import io.parkwatch.transport.streams.StreamsSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsStandbyReplicasTest {

    private final StringWriter err = new StringWriter();

    @Test
    void aNegativeCountIsRefusedAtStartNamingTheFlag() {
        // Nothing listens on port 1: a command the check let through would fail otherwise, not with exit 2.
        int exit = Main.commandLine().setErr(new PrintWriter(err, true))
            .execute("streams", "--kafka", "127.0.0.1:1", "--standby-replicas", "-1");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("parkwatch: --standby-replicas must be 0 or more, got -1");
    }

    @Test
    void theCountReachesBothApplicationsConfigurations() {
        StreamsSettings settings = new StreamsSettings("parkwatch-streams", "k:1", Path.of("state"), 1, 1,
            StreamsSettings.DEFAULT_COMMIT_INTERVAL).withStandbyReplicas(1);
        assertThat(settings.toProperties().get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(settings.forApplication("alerts").toProperties().get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG))
            .isEqualTo(1);
    }

    @Test
    void noneByDefault() {
        var parsed = Main.commandLine().parseArgs("streams", "--kafka", "k:1").subcommand();
        assertThat(((StreamsCommand) parsed.commandSpec().userObject()).standbyReplicas).isZero();
        assertThat(new StreamsSettings("a", "k:1", Path.of("s"), 1, 1, StreamsSettings.DEFAULT_COMMIT_INTERVAL)
            .toProperties().get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(0);
    }
}
