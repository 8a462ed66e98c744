package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PollutantTest {

    @Test
    void theLoggersPeriodAveragesAndTheConvertedValuesCountAsThePollutant() {
        assertThat(Pollutant.ofMetric("a21026-Avg-hour")).contains(Pollutant.SO2);
        assertThat(Pollutant.ofMetric("a21002-ZsRtd")).contains(Pollutant.NOX);
        assertThat(Pollutant.ofMetric("a34013-ZsAvg-day")).contains(Pollutant.PARTICULATE);
        assertThat(Pollutant.ofMetric("a34013")).contains(Pollutant.PARTICULATE);
        assertThat(Pollutant.ofMetric("a21026-Cou-hour")).as("a flow total is no concentration").isEqualTo(Optional.empty());
        assertThat(Pollutant.ofMetric("a21026-Max-hour")).isEqualTo(Optional.empty());
    }

    @Test
    void aRowSaysWhetherItsValuesAreAtTheReferenceOxygenOrAsMeasured() {
        assertThat(row("a21026-ZsAvg-hour").basis()).isEqualTo("reference_o2");
        assertThat(row("a21026-ZsRtd").basis()).isEqualTo("reference_o2");
        assertThat(row("a21026-Avg-hour").basis()).isEqualTo("measured");
        assertThat(row("a21026").basis()).isEqualTo("measured");
    }

    private static EmissionRow row(String metric) {
        return new EmissionRow("2026-11-01T00:00:00Z", "p", "e", "s", Pollutant.SO2, metric, 1, 1, 1, 1, 1,
            OptionalDouble.of(35));
    }
}
