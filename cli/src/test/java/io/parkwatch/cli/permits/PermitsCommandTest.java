package io.parkwatch.cli.permits;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PermitsCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSamplePermitsPassTheirCheckAgainstTheSampleRegistry() {
        assertThat(Main.commandLine().execute("permits", "sample", "--out", dir.toString())).isZero();

        assertThat(Main.commandLine().execute("permits", "check", dir.resolve("huolingol-pw01.yaml").toString(),
            dir.resolve("huolingol-al01.yaml").toString(), dir.resolve("otog-c05.yaml").toString(),
            dir.resolve("sulige-c10.yaml").toString(), "--sample-registry")).isZero();
    }

    @Test
    void checkListsTheProblemsOfEveryFileAndRefusesThemWhole() throws Exception {
        Main.commandLine().execute("permits", "sample", "--out", dir.toString());
        Path cement = dir.resolve("otog-c05.yaml");
        Files.writeString(cement, Files.readString(cement).replace("points: [stack-01]", "points: [stack-09]"));
        Path power = dir.resolve("huolingol-pw01.yaml");
        Files.writeString(power, Files.readString(power).replace("period: hour", "period: minute"));
        Path twice = dir.resolve("twice.yaml");
        Files.writeString(twice, Files.readString(dir.resolve("sulige-c10.yaml")));
        CommandLine line = Main.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err, true));

        int code = line.execute("permits", "check", cement.toString(), power.toString(),
            dir.resolve("sulige-c10.yaml").toString(), twice.toString(), "--sample-registry");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
            .contains("refused whole (5 problems)")
            .contains("otog-c05.yaml:12: outlets[0].points[0]: unknown outlet point: no point 'stack-09' of"
                + " enterprise 'otog/c05' in the registry")
            .contains("huolingol-pw01.yaml:20: outlets[0].pollutants[0].period: 'minute' is not an averaging period")
            .contains("twice.yaml:1: enterprise: sulige/c10 already has a permit in");
    }
}
