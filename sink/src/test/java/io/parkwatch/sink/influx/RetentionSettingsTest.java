package io.parkwatch.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    @Test
    void readsHoursDaysWeeksAndInf() {
        assertThat(RetentionSettings.parse("--retention-raw", "72h")).isEqualTo(Duration.ofHours(72));
        assertThat(RetentionSettings.parse("--retention-raw", "30d")).isEqualTo(Duration.ofDays(30));
        assertThat(RetentionSettings.parse("--retention-raw", "2w")).isEqualTo(Duration.ofDays(14));
        assertThat(RetentionSettings.parse("--retention-raw", "INF")).isZero();
        assertThat(RetentionSettings.parse("--retention-raw", "inf")).isZero();
        assertThat(RetentionSettings.parse("--retention-raw", "P30D")).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void refusesLessThanAnHourAndNegativeDurations() {
        assertThatThrownBy(() -> RetentionSettings.parse("--retention-raw", "30m"))
            .hasMessageStartingWith("--retention-raw must be at least 1h");
        assertThatThrownBy(() -> RetentionSettings.parse("--retention-raw", "-2h"))
            .hasMessageStartingWith("--retention-raw must be at least 1h");
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> RetentionSettings.parse("--retention-1m", "thirty days"))
            .hasMessageStartingWith("--retention-1m must be a duration").hasMessageContaining("thirty days");
        assertThatThrownBy(() -> RetentionSettings.parse("--retention-1h", "0h"))
            .hasMessageStartingWith("--retention-1h must be at least 1h");
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofMinutes(5), Duration.ZERO, Duration.ZERO))
            .hasMessageStartingWith("--retention-raw");
    }

    @Test
    void rawIsTheDefaultPolicyAndAggregatesHaveTheirOwn() {
        assertThat(RetentionSettings.defaults().policies()).containsExactly(
            RetentionPolicySpec.of("raw", Duration.ofDays(30), true),
            RetentionPolicySpec.of("agg_1m", Duration.ofDays(90), false),
            RetentionPolicySpec.of("agg_1h", Duration.ZERO, false));
    }
}
