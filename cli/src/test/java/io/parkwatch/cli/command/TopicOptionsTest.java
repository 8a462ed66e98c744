package io.parkwatch.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicOptionsTest {

    private final StringWriter err = new StringWriter();

    // Nothing listens on port 1: a command the check let through would fail otherwise, not with exit 2.
    private int run(String... args) {
        return Main.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void zeroPartitionsIsRefusedAtStartNamingTheFlag() {
        assertThat(run("streams", "--kafka", "127.0.0.1:1", "--partitions", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("parkwatch: --partitions must be at least 1, got 0");
    }

    @Test
    void aSubcommandTakesItToo() {
        assertThat(run("rules", "remove", "some-pack", "--kafka", "127.0.0.1:1", "--partitions", "-2")).isEqualTo(2);
        assertThat(err.toString()).contains("--partitions must be at least 1, got -2");
    }

    @Test
    void everyCommandCreatingTopicsTakesTheOption() {
        String[][] commands = {
            {"ingest", "--kafka", "k:1"}, {"streams", "--kafka", "k:1"}, {"registry", "load", "r.yaml"},
            {"rules", "load", "--kafka", "k:1", "r.yaml"}, {"rules", "remove", "--kafka", "k:1", "p"}, {"demo"},
        };
        for (String[] command : commands) {
            String[] args = Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--partitions";
            args[command.length + 1] = "12";
            var parsed = Main.commandLine().parseArgs(args);
            while (parsed.hasSubcommand()) {
                parsed = parsed.subcommand();
            }
            assertThat(parsed.matchedOptionValue("--partitions", 0)).as(String.join(" ", command)).isEqualTo(12);
        }
    }
}
