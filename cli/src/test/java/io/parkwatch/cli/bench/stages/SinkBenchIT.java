package io.parkwatch.cli.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SinkBenchIT {

    @Test
    void sinkAndRawWriterBothWriteEveryReadingAndTheExportReturnsThemAll() {
        BenchOutput out = BenchOutput.run("bench", "sink", "--readings", "3000", "--points", "30");

        assertThat(out.exitCode()).isZero();
        assertThat(out.figure("sink points written")).isEqualTo(3000);
        assertThat(out.figure("sink points in influxd")).isEqualTo(3000);
        assertThat(out.figure("raw writer points in influxd")).isEqualTo(3000);
        assertThat(out.figure("export rows")).isEqualTo(3000);
        assertThat(out.figure("sink points/s")).isPositive();
        assertThat(out.figure("raw writer points/s")).isPositive();
        assertThat(out.text()).contains("sink / raw writer:", "export rows/s:", "export MiB/s:");
    }
}
