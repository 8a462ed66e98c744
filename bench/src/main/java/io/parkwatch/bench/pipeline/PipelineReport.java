package io.parkwatch.bench.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.Optional;

/**
 * What {@code parkwatch bench} found: the steps, the baselines (null when skipped; the bridge's
 * steps empty when skipped) and the stages' ratios to them, measured at the best step (the
 * highest sustained rate without loss).
 */
record PipelineReport(PipelineSettings settings, Map<String, Object> machine, List<StepResult> steps, Totals totals,
                      PhaseResult rawProducer, PhaseResult rawInflux, PhaseResult brokerAlone, List<BridgeStep> bridge,
                      List<Timeline.Point> timeline, List<AlertProbe.Sample> alerts, long timelineStartMillis) {

    /** The key in {@code ratios} of end to end ÷ bridge at the best step. */
    static final String END_TO_END_OVER_BRIDGE = "endToEndOverBridge";

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
        bridgeAt(best.asked()).ifPresent(b -> ratios.put(END_TO_END_OVER_BRIDGE, best.sustained() / b.sustained()));
        return ratios;
    }

    /** The bridge's step at the same asked rate, when it ran one. */
    Optional<BridgeStep> bridgeAt(int asked) {
        return bridge.stream().filter(b -> b.asked() == asked).findFirst();
    }

    private void bridgeText(StringBuilder out) {
        out.append(String.format(Locale.ROOT, "bridge MQTT -> InfluxDB (one Paho client, QoS 1 acknowledged on arrival, "
            + "the gateway's decoders, batches of <= %d points or %d ms):%n", MqttInfluxBridge.BATCH_POINTS,
            MqttInfluxBridge.FLUSH_AFTER.toMillis()));
        out.append(String.format(Locale.ROOT, "%9s %10s %10s %9s %9s %6s %8s %10s %s%n", "asked/s", "offered/s",
            "sustained", "sent", "inInflux", "behind", "refused", "e2e/bridge", "CPU cores / peak RSS MiB"));
        for (BridgeStep b : bridge) {
            Optional<StepResult> pipeline = steps.stream().filter(s -> s.asked() == b.asked()).findFirst();
            out.append(String.format(Locale.ROOT, "%9d %10.0f %10.0f %9d %9d %6d %8d %10.3f %s%s%n", b.asked(),
                b.offered(), b.sustained(), b.sent(), b.inInflux(), b.lost(), b.rejected(),
                pipeline.map(s -> s.sustained() / b.sustained()).orElse(Double.NaN), usage(b.usage()),
                b.drained() ? "" : "NOT DRAINED"));
        }
    }

    private static String usage(Map<String, ProcessStats.Usage> usage) {
        StringBuilder text = new StringBuilder();
        usage.forEach((name, u) -> text.append(String.format(Locale.ROOT, "%s %.2f/%.0f  ", name, u.cores(),
            u.peakRssMib())));
        return text.toString();
    }

    String text() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "parkwatch bench: %s broker, steps of %ds, "
                + "%d enterprises, %d readings per JSON message / HJ 212 packet; machine %s%n",
            settings.broker().name().toLowerCase(Locale.ROOT), settings.step().toSeconds(), settings.enterprises(),
            settings.readingsPerMessage(), machine));
        out.append(String.format(Locale.ROOT, "%9s %10s %10s %9s %9s %6s %5s %9s %8s %8s %s%n", "asked/s", "offered/s",
            "sustained", "sent", "inInflux", "behind", "dups", "alerts", "p50 ms", "p99 ms", "CPU cores / peak RSS MiB"));
        for (StepResult s : steps) {
            out.append(String.format(Locale.ROOT, "%9d %10.0f %10.0f %9d %9d %6d %5d %9s %8.0f %8.0f %s%s%n",
                s.asked(), s.offered(), s.sustained(), s.sent(), s.inInflux(), s.lost(), s.duplicates(),
                s.alertLatency().count() + "/" + s.alertsExpected(), s.alertLatency().p50(), s.alertLatency().p99(),
                usage(s.usage()), s.drained() ? "" : "NOT DRAINED"));
        }
        out.append(totals.text()).append(System.lineSeparator());
        if (!bridge.isEmpty()) {
            bridgeText(out);
        }
        baseline(out, "raw Kafka producer", rawProducer, "records/s");
        baseline(out, "raw InfluxDB writer", rawInflux, "points/s");
        baseline(out, "MQTT broker alone", brokerAlone, "messages/s");
        ratios().forEach((name, ratio) -> out.append(String.format(Locale.ROOT, "ratio %s: %.3f%n",
            END_TO_END_OVER_BRIDGE.equals(name) ? "end to end / MQTT -> InfluxDB bridge at the best step (readings/s)"
                : name, ratio)));
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
            "baselineMessages", settings.baselineMessages(), "bridge", Map.of("enabled", settings.bridge(),
                "batchPoints", MqttInfluxBridge.BATCH_POINTS, "flushMillis", MqttInfluxBridge.FLUSH_AFTER.toMillis(),
                "acknowledged", "QoS 1 on arrival")));
        json.put("machine", machine);
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT);
        json.put("steps", stepsJson(mapper));
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
        mapper.writeValue(file.toFile(), json);
    }

    /** Each step as before, plus its {@code bridge} object when the bridge ran that rate. */
    private List<Map<String, Object>> stepsJson(ObjectMapper mapper) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StepResult s : steps) {
            Map<String, Object> step = mapper.convertValue(s, new TypeReference<LinkedHashMap<String, Object>>() { });
            bridgeAt(s.asked()).ifPresent(b -> {
                Map<String, Object> bridged = new LinkedHashMap<>();
                bridged.put("sustained", b.sustained());
                bridged.put("offered", b.offered());
                bridged.put("sent", b.sent());
                bridged.put("inInflux", b.inInflux());
                bridged.put("lost", b.lost());
                bridged.put("refusedPayloads", b.rejected());
                bridged.put("failedPoints", b.failed());
                bridged.put("drained", b.drained());
                bridged.put("usage", b.usage());
                bridged.put("budget", b.budget());
                bridged.put(END_TO_END_OVER_BRIDGE, s.sustained() / b.sustained());
                step.put("bridge", bridged);
            });
            out.add(step);
        }
        return out;
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
