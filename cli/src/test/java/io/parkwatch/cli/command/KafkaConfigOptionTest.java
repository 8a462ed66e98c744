package io.parkwatch.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConfigOptionTest {

    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    }

    private Path file(String text, String mode) throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void everyCommandThatTalksToKafkaTakesTheFile() {
        String[][] commands = {
            {"ingest", "--kafka", "k:1"}, {"streams", "--kafka", "k:1"}, {"sink", "--kafka", "k:1", "--influx", "http://i:1"},
            {"console", "--kafka", "k:1", "--influx", "http://i:1"},
            {"registry", "load", "r.yaml"}, {"rules", "load", "--kafka", "k:1", "r.yaml"},
            {"rules", "remove", "--kafka", "k:1", "p"},
        };
        for (String[] command : commands) {
            String[] args = Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--kafka-config";
            args[command.length + 1] = "client.properties";
            var parsed = Main.commandLine().parseArgs(args);
            while (parsed.hasSubcommand()) {
                parsed = parsed.subcommand();
            }
            assertThat(parsed.matchedOptionValue("--kafka-config", (Path) null)).as(String.join(" ", command))
                .isEqualTo(Path.of("client.properties"));
        }
    }

    // Nothing listens on port 1: a file the check let through would fail otherwise, not with exit 2.
    @Test
    void aFileOthersCanReadStopsTheCommandBeforeItConnects() throws IOException {
        Path file = file("security.protocol=SASL_SSL\n", "rw-r--r--");

        assertThat(run("streams", "--kafka", "127.0.0.1:1", "--kafka-config", file.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("parkwatch: --kafka-config: " + file)
            .contains("rw-r--r--").doesNotContain("\n");
    }

    @Test
    void aReservedKeyStopsTheCommandNamingFileAndKey() throws IOException {
        Path file = file("security.protocol=SASL_SSL\nisolation.level=read_uncommitted\n", "rw-------");

        assertThat(run("rules", "remove", "p", "--kafka", "127.0.0.1:1", "--kafka-config", file.toString()))
            .isEqualTo(2);
        assertThat(err.toString()).contains("parkwatch: --kafka-config " + file + ": isolation.level may not be set");
    }

    @Test
    void theReplicationFactorIsCheckedAtStart() {
        assertThat(run("ingest", "--kafka", "127.0.0.1:1", "--mqtt", "tcp://127.0.0.1:1",
            "--replication-factor", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--replication-factor must be at least 1, got 0");
    }
}
