package io.parkwatch.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command line that must be refused at start (exit code 2) and returns what it printed on stderr. */
final class Refusals {

    private Refusals() {
    }

    static String refusal(String... args) {
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute(args)).as("exit code").isEqualTo(2);
        return err.toString();
    }
}
