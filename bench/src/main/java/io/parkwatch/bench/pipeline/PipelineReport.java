package io.parkwatch.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.parkwatch.bench.PhaseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code parkwatch bench} found: the steps, the baselines (null when skipped) and the
 * stages' ratios to them, measured at the best step (the highest sustained rate without loss).
 */
record PipelineReport(PipelineSettings settings, Map<String, Object> machine, List<StepResult> steps, Totals totals,
                      PhaseResult rawProducer, PhaseResult rawInflux, PhaseResult brokerAlone,
                      List<Timeline.Point> timeline, List<AlertProbe.Sample> alerts, long timelineStartMillis) {

    /**
     * The whole run (warm-up included) after a final drain: {@code lost} readings sent but not in
     * InfluxDB, {@code missingInKafka} of them not even in the readings topic.
     */
    record Totals(long sent, long inKafka, long duplicates, long inInflux, long lost, long missingInKafka,
                  double finalDrainSeconds) {

        String text() {
            return String.format(Locale.ROOT, "run total after a final drain of %.0f s: sent %d readings, %d distinct in "
                + "Kafka (%d duplicates), %d in InfluxDB: lost %d (%d of them never reached Kafka)", finalDrainSeconds,
                sent, inKafka, duplicates, inInflux, lost, missingInKafka);
        }
    }

    StepResult best() {
        return steps.stream().filter(s -> s.lost() == 0).reduce((a, b) -> b.sustained() > a.sustained() ? b : a)
            .orElse(steps.isEmpty() ? null : steps.get(0));
    }

    Map<String, Double> ratios() {
        Map<String, Double> ratios = new LinkedHashMap<>();
        StepResult best = best();
        if (best == null) {
            return ratios;
        }
        if (rawProducer != null) {
            ratios.put("end to end / raw Kafka producer (readings/s)", best.sustained() / rawProducer.rate());
        }
        if (rawInflux != null) {
            ratios.put("end to end / raw InfluxDB writer (readings/s)", best.sustained() / rawInflux.rate());
        }
        if (brokerAlone != null) {
            ratios.put("gateway messages/s / MQTT broker alone", best.messageRate() / brokerAlone.rate());
        }
        return ratios;
    }

    String text() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "parkwatch bench: %s broker, steps of %ds, "
                + "%d enterprises, %d readings per JSON message / HJ 212 packet; machine %s%n",
            settings.broker().name().toLowerCase(Locale.ROOT), settings.step().toSeconds(), settings.enterprises(),
            settings.readingsPerMessage(), machine));
        out.append(String.format(Locale.ROOT, "%9s %10s %10s %9s %9s %6s %5s %9s %8s %8s %s%n", "asked/s", "offered/s",
            "sustained", "sent", "inInflux", "behind", "dups", "alerts", "p50 ms", "p99 ms", "CPU cores / peak RSS MiB"));
        for (StepResult s : steps) {
            StringBuilder usage = new StringBuilder();
            s.usage().forEach((name, u) -> usage.append(String.format(Locale.ROOT, "%s %.2f/%.0f  ", name, u.cores(),
                u.peakRssMib())));
            out.append(String.format(Locale.ROOT, "%9d %10.0f %10.0f %9d %9d %6d %5d %9s %8.0f %8.0f %s%s%n",
                s.asked(), s.offered(), s.sustained(), s.sent(), s.inInflux(), s.lost(), s.duplicates(),
                s.alertLatency().count() + "/" + s.alertsExpected(), s.alertLatency().p50(), s.alertLatency().p99(),
                usage, s.drained() ? "" : "NOT DRAINED"));
        }
        out.append(totals.text()).append(System.lineSeparator());
        baseline(out, "raw Kafka producer", rawProducer, "records/s");
        baseline(out, "raw InfluxDB writer", rawInflux, "points/s");
        baseline(out, "MQTT broker alone", brokerAlone, "messages/s");
        ratios().forEach((name, ratio) -> out.append(String.format(Locale.ROOT, "ratio %s: %.3f%n", name, ratio)));
        return out.toString();
    }

    private static void baseline(StringBuilder out, String name, PhaseResult phase, String unit) {
        if (phase != null) {
            out.append(String.format(Locale.ROOT, "baseline %s: %.0f %s (%d of %d in %.1f s)%n", name, phase.rate(), unit,
                phase.arrived(), phase.sent(), phase.elapsed().toNanos() / 1e9));
        }
    }

    void writeJson(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", Map.of("rates", settings.rates(), "stepSeconds", settings.step().toSeconds(),
            "drainSeconds", settings.drain().toSeconds(), "broker", settings.broker().name().toLowerCase(Locale.ROOT),
            "enterprises", settings.enterprises(), "readingsPerMessage", settings.readingsPerMessage(),
            "baselineMessages", settings.baselineMessages()));
        json.put("machine", machine);
        json.put("steps", steps);
        json.put("totals", totals);
        json.put("baselines", baselines());
        json.put("ratios", ratios());
        json.put("timeline", timeline);
        List<Map<String, Object>> alertSamples = new ArrayList<>();
        for (AlertProbe.Sample sample : alerts) {
            alertSamples.add(Map.of("seconds", (sample.arrivedMillis() - timelineStartMillis) / 1e3,
                "latencyMillis", sample.latencyMillis()));
        }
        json.put("alertLatencies", alertSamples);
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(file.toFile(), json);
    }

    private Map<String, Object> baselines() {
        Map<String, Object> baselines = new LinkedHashMap<>();
        for (PhaseResult phase : new PhaseResult[] {rawProducer, rawInflux, brokerAlone}) {
            if (phase != null) {
                baselines.put(phase.name(), Map.of("rate", phase.rate(), "sent", phase.sent(), "arrived", phase.arrived(),
                    "seconds", phase.elapsed().toNanos() / 1e9));
            }
        }
        return baselines;
    }
}
