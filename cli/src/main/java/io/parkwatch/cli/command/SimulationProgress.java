package io.parkwatch.cli.command;

import io.parkwatch.simulator.mqtt.SimulatorStats;
import io.parkwatch.simulator.truth.GroundTruth;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The simulator's progress: a bar redrawn in place on a terminal, a plain line every 10 s
 * otherwise (logs and pipes get no carriage returns), and the final summary.
 */
final class SimulationProgress {

    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final Duration total;

    SimulationProgress(PrintStream out, boolean terminal, Duration total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    long refreshMillis() {
        return terminal ? 500 : 10_000;
    }

    void show(SimulatorStats stats, Map<String, Long> faults, Duration elapsed) {
        String counts = String.format(Locale.ROOT, "%d sent, %d acknowledged, %d failed, %d faulted", stats.sent(),
            stats.acknowledged(), stats.failed(), faults.values().stream().mapToLong(Long::longValue).sum());
        if (!terminal) {
            out.println("simulate " + elapsed.toSeconds() + "s: " + counts);
            return;
        }
        String bar = "";
        if (total != null) {
            int done = (int) Math.min(BAR, BAR * elapsed.toMillis() / Math.max(1, total.toMillis()));
            bar = "[" + "#".repeat(done) + ".".repeat(BAR - done) + "] ";
        }
        out.print("\r" + bar + elapsed.toSeconds() + "s " + counts + "   ");
        out.flush();
    }

    void summary(GroundTruth truth) {
        if (terminal) {
            out.println();
        }
        GroundTruth.Counts counts = truth.counts();
        out.printf(Locale.ROOT, "simulated %s .. %s: %d messages sent (%s), %d acknowledged, %d failed, %d readings%n",
            truth.start(), truth.end(), counts.sent(), join(counts.byFormat()), counts.acknowledged(), counts.failed(),
            counts.readings());
        out.println("faults and events: " + join(counts.byFault()));
        out.println("expected rejects: " + (truth.expectedRejects().isEmpty() ? "none" : join(truth.expectedRejects())));
        out.printf(Locale.ROOT, "silent by design: %d points; expected alerts: %d; key-area entries: %d%n",
            truth.silentPoints().size(), truth.expectedAlerts().size(), truth.keyAreaEntries().size());
    }

    private static String join(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
