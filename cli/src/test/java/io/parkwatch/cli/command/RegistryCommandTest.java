package io.parkwatch.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.Main;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.registry.file.RegistryFileReader;
import io.parkwatch.simulator.registry.SampleRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void theSampleIsWrittenAndPassesTheCheck() throws Exception {
        Path file = dir.resolve("sample.yaml");
        assertThat(run("registry", "sample", "--out", file.toString(), "--seed", "7")).isZero();
        Registry written = RegistryFileReader.read(file);
        assertThat(written).isEqualTo(SampleRegistry.generate(7));
        assertThat(run("registry", "check", file.toString())).isZero();
    }

    @Test
    void anInvalidFileExitsWithCodeTwoAndItsErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
            parks:
              - {id: p1}
            enterprises:
              - {park: p2, id: e1}
            """, StandardCharsets.UTF_8);
        assertThat(run("registry", "check", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml:4: enterprises[0].park: no park 'p2' under parks");
    }

    @Test
    void loginsNamedByTheRegistryMustBeInTheCredentialsFile() throws Exception {
        Path file = Files.writeString(dir.resolve("r.yaml"), """
            parks:
              - {id: p1}
            enterprises:
              - {park: p1, id: e1}
              - {park: p1, id: e2, credentials: p1.logger-2}
            """, StandardCharsets.UTF_8);
        Path logins = Files.writeString(dir.resolve("logins.properties"), "p1.e1=x\np1.vehicles=y\n");
        assertThat(run("registry", "check", file.toString(), "--credentials", logins.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("r.yaml: enterprise 'p1/e2': login 'p1.logger-2' is not in "
            + "logins.properties");
        Files.writeString(logins, "p1.logger-2=z\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(run("registry", "check", file.toString(), "--credentials", logins.toString())).isZero();
    }
}
