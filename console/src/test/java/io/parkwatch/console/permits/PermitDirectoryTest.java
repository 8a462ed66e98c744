package io.parkwatch.console.permits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.console.emissions.EmissionLimit;
import io.parkwatch.console.emissions.Interval;
import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.emissions.UltraLowEmissionLimits;
import io.parkwatch.console.emissions.totals.PermitAllowance;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermitDirectoryTest {

    private final PermitDirectory directory = new PermitDirectory();
    private final PermitEmissionLimits limits = new PermitEmissionLimits(directory, new UltraLowEmissionLimits());

    @Test
    void aPermittedStackIsJudgedOnItsPermitsHourlyLimitAtTheReferenceOxygenOnly() {
        directory.apply("otog/c05", PermitFixture.record());
        Optional<EmissionLimit> converted = limits.limit("otog", "c05", "stack-01", Pollutant.SO2, Interval.HOUR,
            "a21026-ZsAvg-hour");
        assertThat(converted).contains(new EmissionLimit(200, "permit " + PermitFixture.NUMBER, true));
        // Measured values are not comparable with a limit at 10 % O₂, nor minutes with an hourly limit.
        assertThat(limits.limit("otog", "c05", "stack-01", Pollutant.SO2, Interval.HOUR, "a21026-Rtd"))
            .hasValueSatisfying(limit -> assertThat(limit.judged()).isFalse());
        assertThat(limits.limit("otog", "c05", "stack-01", Pollutant.SO2, Interval.MINUTE, "a21026-ZsRtd"))
            .hasValueSatisfying(limit -> assertThat(limit.judged()).isFalse());
        // The permit lists no NOx at this outlet: the park-wide 50 does not come back in its place.
        assertThat(limits.limit("otog", "c05", "stack-01", Pollutant.NOX, Interval.HOUR, "a21002-ZsRtd")).isEmpty();
    }

    @Test
    void aDailyLimitInAnotherMassPrefixJudgesDaysInTheFactorsUnit() {
        directory.apply("otog/c05", PermitFixture.record());
        assertThat(limits.limit("otog", "c05", "stack-03", Pollutant.PARTICULATE, Interval.DAY, "a34013-Rtd"))
            .contains(new EmissionLimit(20, "permit " + PermitFixture.NUMBER, true));
        assertThat(limits.limit("otog", "c05", "stack-03", Pollutant.PARTICULATE, Interval.HOUR, "a34013-Rtd"))
            .hasValueSatisfying(limit -> assertThat(limit.judged()).isFalse());
    }

    @Test
    void aStackNoPermitCoversKeepsTheParkWideLimit() {
        directory.apply("otog/c05", PermitFixture.record());
        assertThat(limits.limit("otog", "c05", "stack-09", Pollutant.SO2, Interval.MINUTE, "a21026-Rtd"))
            .contains(EmissionLimit.ultraLow(35));
    }

    @Test
    void aWithdrawnPermitHandsTheStackBackToTheParkWideLimit() {
        directory.apply("otog/c05", PermitFixture.record());
        directory.apply("otog/c05", null);
        assertThat(directory.permit("otog", "c05")).isEmpty();
        assertThat(limits.limit("otog", "c05", "stack-01", Pollutant.SO2, Interval.HOUR, "a21026-Rtd"))
            .contains(EmissionLimit.ultraLow(35));
    }

    @Test
    void anUnreadablePermitThrowsForTheFeedToRejectItAndThePreviousOneStays() {
        directory.apply("otog/c05", PermitFixture.record());
        assertThatThrownBy(() -> directory.apply("otog/c05", PermitFixture.record("version: 1\npermit: nonsense\n")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permit");
        assertThatThrownBy(() -> directory.apply("otog/c99", PermitFixture.record()))
            .hasMessageContaining("published under key otog/c99");
        assertThat(directory.permit("otog", "c05")).hasValueSatisfying(
            permit -> assertThat(permit.number()).isEqualTo(PermitFixture.NUMBER));
    }

    @Test
    void anOutletsAllowanceIsFoundFromAnyOfItsPoints() {
        directory.apply("otog/c05", PermitFixture.record());
        PermitOutletAllowance allowance = new PermitOutletAllowance(directory);
        PermitAllowance.OutletAllowance outlet = new PermitAllowance.OutletAllowance(PermitFixture.NUMBER, "DA002",
            List.of("stack-02", "stack-03"), 2);
        assertThat(allowance.of("otog", "c05", "stack-02", Pollutant.PARTICULATE)).contains(outlet);
        assertThat(allowance.of("otog", "c05", "stack-03", Pollutant.PARTICULATE)).contains(outlet);
        assertThat(allowance.of("otog", "c05", "stack-02", Pollutant.SO2)).isEmpty();
        assertThat(allowance.of("otog", "c06", "stack-01", Pollutant.SO2)).isEmpty();
    }
}
