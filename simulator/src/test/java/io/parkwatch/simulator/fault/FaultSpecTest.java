package io.parkwatch.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultSpecTest {

    @Test
    void parsesKindsByTheirWireNames() {
        FaultSpec spec = FaultSpec.parse("silent=0.05, bad-crc=0.01,out-of-order=0.02");
        assertThat(spec.ratio(FaultKind.SILENT)).isEqualTo(0.05);
        assertThat(spec.ratio(FaultKind.BAD_CRC)).isEqualTo(0.01);
        assertThat(spec.ratio(FaultKind.OUT_OF_ORDER)).isEqualTo(0.02);
        assertThat(spec.ratio(FaultKind.LATE)).isZero();
        assertThat(FaultSpec.parse("none").ratios()).isEmpty();
        assertThat(FaultSpec.parse(spec.toString())).isEqualTo(spec);
    }

    @Test
    void refusesUnknownKindsBadRatiosAndMessageFaultsOverOne() {
        assertThatThrownBy(() -> FaultSpec.parse("crc=0.1")).hasMessageContaining("unknown fault kind 'crc'")
            .hasMessageContaining("bad-crc");
        assertThatThrownBy(() -> FaultSpec.parse("late=2")).hasMessageContaining("late=2.0");
        assertThatThrownBy(() -> FaultSpec.parse("late=x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> FaultSpec.parse("late")).hasMessageContaining("needs a ratio");
        assertThatThrownBy(() -> FaultSpec.parse("late=0.6,duplicate=0.6")).hasMessageContaining("more than 1");
    }
}
