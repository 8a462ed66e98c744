package io.parkwatch.streams.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CoveragePropertiesTest {

    private static Properties props(String... pairs) {
        Properties props = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            props.setProperty(pairs[i], pairs[i + 1]);
        }
        return props;
    }

    private static PointEntry point(String kind, Duration interval) {
        return new PointEntry("p", "e", "x", Module.ENERGY, kind, interval, null, null);
    }

    @Test
    void theWindowIsThreeIntervalsButAtLeastFiveMinutesUnlessTheKindFixesIt() {
        CoverageConfig config = CoverageProperties.load(props("coverage.window.kind.economic-report", "3d"));
        assertThat(config.windowOf(point("electricity-meter", Duration.ofSeconds(15)))).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.windowOf(point("water-meter", Duration.ofMinutes(10)))).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.windowOf(point("economic-report", Duration.ofDays(30)))).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void aNewKindCanBeMappedToACategory() {
        CoverageConfig config = CoverageProperties.load(props("coverage.kind.steam-meter", "energy_meter"));
        assertThat(config.kinds().categoryOf("steam-meter")).contains(PointCategory.ENERGY_METER);
        assertThat(config.kinds().categoryOf("electricity-meter")).contains(PointCategory.ENERGY_METER);
    }

    @Test
    void badValuesAndUnknownKeysFailNamingTheKey() {
        assertThatThrownBy(() -> CoverageProperties.load(props("coverage.cadense", "30s")))
            .hasMessageContaining("coverage.cadense");
        assertThatThrownBy(() -> CoverageProperties.load(props("coverage.cadence", "soon")))
            .hasMessageContaining("coverage.cadence");
        assertThatThrownBy(() -> CoverageProperties.load(props("coverage.target.p.energy.key-meters", "1")))
            .hasMessageContaining("coverage.target.p.energy.key-meters").hasMessageContaining("no plan row");
        assertThatThrownBy(() -> CoverageProperties.load(props("coverage.target.p.energy.non-key-meters", "20")))
            .hasMessageContaining("coverage.target.p|ENERGY|non-key-meters");
        assertThatThrownBy(() -> CoverageProperties.load(props("coverage.enterprise-rule", "most")))
            .hasMessageContaining("coverage.enterprise-rule");
    }
}
