package io.parkwatch.contracts.registry.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.duration.Durations;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.Location;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.Registry;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryFileWriterTest {

    @Test
    void whatIsWrittenReadsBackEqual() {
        Registry original = RegistryFileReader.read("a.yaml", RegistryFileReaderTest.VALID);
        String text = RegistryFileWriter.toText(original);
        assertThat(RegistryFileReader.read("b.yaml", text)).isEqualTo(original);
        assertThat(text).contains("required: false").contains("terminal: \"011223344550\"")
            .contains("credentials: ordos.m02-logger").doesNotContain("module:");
    }

    @Test
    void awkwardNamesAreQuotedAndSurvive() {
        Registry original = new Registry(
            List.of(new ParkEntry("p1", "Park: \"one\", {two}", ZoneId.of("Asia/Harbin"), "p1.fleet-login")),
            List.of(new EnterpriseEntry("p1", "true", "yes", Set.of(), EnterpriseStatus.NEVER_BUILT, null),
                new EnterpriseEntry("p1", "0123", "a\\b\tc", Set.of(), null, null)),
            List.of());
        assertThat(RegistryFileReader.read("c.yaml", RegistryFileWriter.toText(original))).isEqualTo(original);
    }

    @Test
    void anEnterpriseLocationIsWrittenAndReadBack() {
        Registry original = new Registry(List.of(new ParkEntry("p1", "P")),
            List.of(new EnterpriseEntry("p1", "e1", "E", Set.of()).at(new Location(39.4712, 106.9405)),
                new EnterpriseEntry("p1", "e2", "F", Set.of())),
            List.of());
        String text = RegistryFileWriter.toText(original);
        assertThat(text).contains("location: [39.4712, 106.9405]");
        assertThat(RegistryFileReader.read("d.yaml", text)).isEqualTo(original);
    }

    @Test
    void intervalsUseTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(Durations.format(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.parse("1500ms")).isEqualTo(Duration.ofMillis(1500));
    }
}
