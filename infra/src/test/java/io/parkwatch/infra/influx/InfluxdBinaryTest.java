package io.parkwatch.infra.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxdBinaryTest {

    @TempDir
    Path dir;

    @Test
    void missingEverywhereTellsHowToInstall() {
        assertThatThrownBy(() -> InfluxdBinary.locate(Optional.empty(), dir.toString(), List.of(dir.resolve("nope"))))
            .isInstanceOf(InfluxdStartException.class)
            .hasMessageContaining("influxd")
            .hasMessageContaining("apt-get install influxdb");
    }

    @Test
    void missingExplicitBinaryIsNamed() {
        Path missing = dir.resolve("bin/influxd");
        assertThatThrownBy(() -> InfluxdBinary.locate(Optional.of(missing)))
            .isInstanceOf(InfluxdStartException.class)
            .hasMessageContaining(missing.toString())
            .hasMessageContaining("apt-get install influxdb");
    }

    @Test
    void findsAnExecutableOnPath() throws Exception {
        Path fake = Files.createFile(dir.resolve("influxd"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(InfluxdBinary.locate(Optional.empty(), "/nonexistent:" + dir, List.of())).isEqualTo(fake);
    }

    @Test
    void startWithoutBinaryFailsBeforeCreatingAProcess() {
        InfluxdConfig config = InfluxdConfig.loopback(0, dir.resolve("data")).withBinary(dir.resolve("influxd-missing"));
        assertThatThrownBy(() -> InfluxdProcess.start(config))
            .isInstanceOf(InfluxdStartException.class)
            .hasMessageContaining("apt-get install influxdb");
    }
}
