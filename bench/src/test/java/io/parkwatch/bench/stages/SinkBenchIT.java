package io.parkwatch.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.bench.ChildCli;
import org.junit.jupiter.api.Test;

class SinkBenchIT {

    @Test
    void sinkAndRawWriterBothWriteEveryReadingAndTheExportReturnsThemAll() {
        BenchOutput out = BenchOutput.run("sink", "--readings", "3000", "--points", "30", "--rounds", "2",
            "--warm-up-passes", "2");

        assertThat(out.exitCode()).isZero();
        assertThat(out.figure("sink points written")).isEqualTo(3000);
        assertThat(out.figure("sink points in influxd")).isEqualTo(3000);
        assertThat(out.figure("raw writer points in influxd")).isEqualTo(3000);
        assertThat(out.figure("export rows")).isEqualTo(3000);
        assertThat(out.figure("sink points/s")).isPositive();
        assertThat(out.figure("raw writer points/s")).isPositive();
        assertThat(out.figure("rounds (raw and sink passes)")).isEqualTo(2);
        assertThat(out.text()).contains("sink / raw writer:", "export rows/s:", "export MiB/s:",
            "CPUs: shared: influxd and this JVM on every CPU", "sink JVM CPU ms per 1000 points, influx-sink:")
            .containsPattern("sink / raw writer by round:\\s+\\d+\\.\\d{3}, \\d+\\.\\d{3}\\n")
            .containsPattern("round 2 of 2: sink \\d+, raw writer \\d+ points/s");
    }

    /** In a JVM of its own: pinning is for the whole process, and must not pin this test JVM. */
    @Test
    void withSeparateCoresInfluxdAndTheJvmArePinnedApartAndEveryPointStillLands() throws Exception {
        ChildCli bench = ChildCli.run("sink", "--readings", "2000", "--points", "20",
            "--warm-up-passes", "1", "--rounds", "1", "--separate-cores");
        String output = bench.output();
        assertThat(bench.exitCode()).as("exit code; output:%n%s", output).isZero();
        int last = Runtime.getRuntime().availableProcessors() - 1;
        assertThat(output).contains("CPUs: influxd on CPU " + last + ", this JVM (Kafka, sink, raw writer) on CPU 0")
            .containsPattern("sink points in influxd:\\s+2000\\b")
            .containsPattern("raw writer points in influxd:\\s+2000\\b");
    }
}
