package io.parkwatch.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsTheShortFormsAndIso() {
        assertThat(DurationText.parse("500ms", "--duration")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("30s", "--duration")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("10m", "--duration")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationText.parse("2h", "--duration")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("PT90S", "--duration")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("2H", "--duration")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void namesTheFlagWhenTheTextIsNoPositiveDuration() {
        assertThatThrownBy(() -> DurationText.parse("ten", "--duration"))
            .hasMessageStartingWith("--duration: 'ten' is not a duration");
        assertThatThrownBy(() -> DurationText.parse("0s", "--duration"))
            .hasMessage("--duration: must be positive, got '0s'");
    }
}
