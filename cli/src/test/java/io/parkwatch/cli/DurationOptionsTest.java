package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationOptionsTest {

    private static Duration splitWindow(String text) {
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs("ingest", "--kafka", "localhost:9092",
            "--mqtt", "tcp://localhost:1883", "--hj212-split-window", text);
        return parsed.subcommand().matchedOptionValue("--hj212-split-window", null);
    }

    @Test
    void durationOptionsTakeTheSharedGrammarAndStillIso() {
        assertThat(splitWindow("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(splitWindow("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aBadDurationOptionNamesTheOptionAndTheMistake() {
        assertThatThrownBy(() -> splitWindow("45x")).isInstanceOf(CommandLine.ParameterException.class)
            .hasMessageContaining("--hj212-split-window").hasMessageContaining("unknown unit 'x'");
    }
}
