package io.parkwatch.cli.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RulesCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkRefusesABadFileNamingLineAndField() throws Exception {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, """
            rules:
              - id: boiler
                match: {metric: temp}
                above:
                  critical: {trigger: 9O}
            """);
        CommandLine line = Main.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err, true));

        int code = line.execute("rules", "check", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("site.yaml line 5, field rules[0].above.critical.trigger")
            .contains("'9O'");
    }

    @Test
    void checkAcceptsTheDefaultPack() throws Exception {
        Path file = dir.resolve("default.yaml");
        Files.writeString(file, RuleFileReader.defaultPackYaml());
        assertThat(Main.commandLine().execute("rules", "check", file.toString())).isZero();
    }
}
