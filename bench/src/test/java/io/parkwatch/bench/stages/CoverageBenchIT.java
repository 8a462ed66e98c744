package io.parkwatch.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoverageBenchIT {

    @Test
    void reportsCycleCostAndMemoryOfBothSizesWithEveryPointKnown() {
        BenchOutput out = BenchOutput.run("coverage", "--points", "300", "--baseline-points", "100",
            "--points-per-park", "100", "--cycles", "2", "--cadence-seconds", "1");

        assertThat(out.exitCode()).isZero();
        assertThat(out.figure("points in park store")).isEqualTo(300);
        assertThat(out.figure("baseline points in park store")).isEqualTo(100);
        assertThat(out.figure("punctuate latency avg ms")).isPositive();
        assertThat(out.figure("baseline punctuate latency max ms")).isPositive();
        assertThat(out.figure("points ratio")).isEqualTo(3.0);
        assertThat(out.text()).contains("heap used MiB:", "state on disk MiB:", "all points known after s:");
    }
}
