package io.parkwatch.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.simulator.mqtt.SimulatorStats;
import io.parkwatch.simulator.truth.GroundTruth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aTerminalGetsABarRedrawnInPlace() {
        new SimulationProgress(out, true, Duration.ofSeconds(100)).show(new SimulatorStats(500, 490, 0),
            Map.of("malformed", 5L), Duration.ofSeconds(50));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r[" + "#".repeat(15) + ".".repeat(15) + "]")
            .contains("500 sent, 490 acknowledged, 0 failed, 5 faulted").doesNotContain("\n");
    }

    @Test
    void aPipeGetsPlainLinesAndTheSummary() {
        SimulationProgress progress = new SimulationProgress(out, false, null);
        progress.show(new SimulatorStats(10, 10, 0), Map.of(), Duration.ofSeconds(20));
        progress.summary(new GroundTruth(1, Instant.EPOCH, Instant.EPOCH.plusSeconds(20), 1, "none",
            new GroundTruth.Counts(10, 30, 10, 0, Map.of("JSON", 10L), Map.of("malformed", 1L)),
            Map.of("MALFORMED_JSON", 1L), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of()));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").startsWith("simulate 20s: 10 sent")
            .contains("10 messages sent (JSON 10), 10 acknowledged").contains("expected rejects: MALFORMED_JSON 1");
    }
}
