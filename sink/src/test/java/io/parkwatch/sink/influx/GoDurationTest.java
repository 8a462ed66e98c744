package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

    @Test
    void readsWhatShowRetentionPoliciesPrints() {
        assertThat(GoDuration.parse("168h0m0s")).isEqualTo(Duration.ofDays(7));
        assertThat(GoDuration.parse("0s")).isEqualTo(Duration.ZERO);
        assertThat(GoDuration.parse("1h30m0s")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(GoDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> GoDuration.parse("1d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesInfluxQlLiterals() {
        assertThat(GoDuration.toInfluxQl(Duration.ZERO)).isEqualTo("INF");
        assertThat(GoDuration.toInfluxQl(Duration.ofDays(30))).isEqualTo("720h");
        assertThat(GoDuration.toInfluxQl(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(GoDuration.toInfluxQl(Duration.ofSeconds(61))).isEqualTo("61s");
    }
}
