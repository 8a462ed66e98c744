package io.parkwatch.contracts.duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsEveryUnitOfTheShortForm() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void unitsAreCaseInsensitiveAndMIsMinutes() {
        assertThat(Durations.parse("30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("250MS")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("72H")).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void ignoresSurroundingSpaceAndSpaceBeforeTheUnit() {
        assertThat(Durations.parse("  15m \n")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("30 s")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsIsoInAnyCaseWithSigns() {
        assertThat(Durations.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("pt10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("P1DT2H")).isEqualTo(Duration.ofHours(26));
        assertThat(Durations.parse("-PT5M")).isEqualTo(Duration.ofMinutes(-5));
        assertThat(Durations.parse("PT-5M")).isEqualTo(Duration.ofMinutes(-5));
    }

    @Test
    void zeroIsADuration() {
        assertThat(Durations.parse("0s")).isZero();
        assertThat(Durations.parse("0ms")).isZero();
        assertThat(Durations.parse("PT0S")).isZero();
    }

    @Test
    void signedShortFormsParseButAreNotPositive() {
        assertThat(Durations.parse("-5s")).isEqualTo(Duration.ofSeconds(-5));
        assertThat(Durations.parse("+5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parsePositive("+5s")).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> Durations.parsePositive("-5s")).hasMessage("must be positive, got '-5s'");
        assertThatThrownBy(() -> Durations.parsePositive("0s")).hasMessage("must be positive, got '0s'");
        assertThatThrownBy(() -> Durations.parsePositive("-PT1S")).hasMessageContaining("must be positive");
    }

    @Test
    void overflowIsReportedAsTooLarge() {
        assertThatThrownBy(() -> Durations.parse("99999999999999999999s"))
            .hasMessage("'99999999999999999999s' is too large for a duration");
        assertThatThrownBy(() -> Durations.parse("999999999999999d")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Durations.parse("9999999999999999w")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Durations.parse("PT9999999999999999999H")).hasMessageContaining("too large");
        assertThat(Durations.parse("9223372036854775807ms")).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Test
    void garbageIsNamedForWhatIsWrong() {
        assertThatThrownBy(() -> Durations.parse("30x")).hasMessageStartingWith("'30x' is not a duration: unknown unit 'x'");
        assertThatThrownBy(() -> Durations.parse("30")).hasMessageStartingWith("'30' is not a duration: the unit is missing");
        assertThatThrownBy(() -> Durations.parse("ten")).hasMessageStartingWith("'ten' is not a duration");
        assertThatThrownBy(() -> Durations.parse("1h30m")).hasMessageStartingWith("'1h30m' is not a duration");
        assertThatThrownBy(() -> Durations.parse("1.5s")).hasMessageStartingWith("'1.5s' is not a duration");
        assertThatThrownBy(() -> Durations.parse("s")).hasMessageStartingWith("'s' is not a duration");
        assertThatThrownBy(() -> Durations.parse("PT")).hasMessageStartingWith("'PT' is not an ISO-8601 duration");
        assertThatThrownBy(() -> Durations.parse("   ")).hasMessageStartingWith("no duration given");
        assertThatThrownBy(() -> Durations.parse(null)).hasMessageStartingWith("no duration given");
    }

    @Test
    void formatsTheShortestFormThatReadsBack() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(Durations.format(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(Durations.format(Duration.ofDays(14))).isEqualTo("14d");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
        for (Duration d : new Duration[] {Duration.ofMillis(1500), Duration.ofDays(2), Duration.ofNanos(7),
            Duration.ofMinutes(-3)}) {
            assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
        }
    }
}
