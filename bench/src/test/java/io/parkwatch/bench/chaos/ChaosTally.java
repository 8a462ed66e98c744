package io.parkwatch.bench.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one chaos run, as the run prints them and as {@code target/chaos-result.json} keeps
 * them (one entry per broker).
 *
 * @param lost         acknowledged messages missing from InfluxDB (must be 0)
 * @param lostInKafka  acknowledged messages missing from the readings topic (must be 0)
 * @param raisedTwice  RAISED events of alerts already open (must be 0)
 * @param consoleAcknowledged whether an operator's acknowledgement of the gas alert came back on the console's board
 * @param coverage     the run's coverage rows against one instance's replay of its input; null when not checked
 */
record ChaosTally(String broker, long messages, int kills, long lost, long lostInKafka, long duplicatesInKafka,
                  long duplicatesInInflux, int raisedTwice, long alertEvents, boolean gasAlertOpen,
                  boolean consoleAcknowledged, CoverageComparison coverage, double seconds,
                  List<ChaosStep> steps) {

    String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
            "chaos run on %s: %d messages, %d kills, %d lost (%d missing from Kafka), %d duplicates in Kafka, "
                + "%d duplicates in InfluxDB, %d alerts raised twice (%d alert events), gas alert open %s, "
                + "acknowledged through the console %s, %.0f s%n",
            broker, messages, kills, lost, lostInKafka, duplicatesInKafka, duplicatesInInflux, raisedTwice, alertEvents,
            gasAlertOpen, consoleAcknowledged, seconds));
        if (coverage != null) {
            out.append("  ").append(coverage.figures()).append(String.format("%n"));
        }
        out.append(String.format(Locale.ROOT, "  %-10s %-8s %8s  %s%n", "killed", "signal", "back in", "/health/ready"));
        for (ChaosStep step : steps) {
            StringBuilder probes = new StringBuilder();
            step.readiness().forEach((service, seen) -> probes.append(service).append(seen.down() ? " 503" : " -")
                .append(seen.upAgain() ? "→200" : "").append(seen.unanswered() ? " (a probe hung) " : " "));
            out.append(String.format(Locale.ROOT, "  %-10s %-8s %6.1f s  %s%n", step.target(), step.signal(),
                step.seconds(), probes.toString().trim()));
        }
        return out.toString();
    }

    /** Adds this run under its broker's name to {@code file}, keeping the other broker's. */
    void writeTo(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode all = Files.exists(file) ? (ObjectNode) json.readTree(file.toFile()) : json.createObjectNode();
        all.set(broker, json.valueToTree(this));
        Files.createDirectories(file.getParent());
        json.writeValue(file.toFile(), all);
    }
}
