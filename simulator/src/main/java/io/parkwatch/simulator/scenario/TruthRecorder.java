package io.parkwatch.simulator.scenario;

import io.parkwatch.simulator.fault.FaultKind;
import io.parkwatch.simulator.truth.CoverageByDesign;
import io.parkwatch.simulator.truth.ExpectedAlert;
import io.parkwatch.simulator.truth.GroundTruth;
import io.parkwatch.simulator.truth.KeyAreaEntry;
import io.parkwatch.simulator.truth.SilentPoint;
import io.parkwatch.simulator.truth.SkewedPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what the simulation did as it hands messages out: the static design (silent and
 * skewed points, coverage by design, key areas) and the running counts (messages per format and
 * fault kind, expected rejects per reason, injected alerts, key-area entries). Thread-safe: the
 * sender records while a progress line reads.
 */
public final class TruthRecorder {

    private final ScenarioSettings settings;
    private final List<SilentPoint> silent;
    private final List<SkewedPoint> skewed;
    private final List<CoverageByDesign> coverage;
    private final Map<String, List<double[]>> keyAreas;
    private final Map<String, Long> byFormat = new TreeMap<>();
    private final Map<String, Long> byFault = new TreeMap<>();
    private final Map<String, Long> rejects = new TreeMap<>();
    private final Map<String, ExpectedAlert> alerts = new LinkedHashMap<>();
    private final Map<String, Integer> alertMessages = new LinkedHashMap<>();
    private final List<KeyAreaEntry> entries = new ArrayList<>();
    private long messages;
    private long readings;
    private Instant lastStamp;

    public TruthRecorder(ScenarioSettings settings, List<SilentPoint> silent, List<SkewedPoint> skewed,
                         List<CoverageByDesign> coverage, Map<String, List<double[]>> keyAreas) {
        this.settings = settings;
        this.silent = List.copyOf(silent);
        this.skewed = List.copyOf(skewed);
        this.coverage = List.copyOf(coverage);
        this.keyAreas = Map.copyOf(keyAreas);
        for (FaultKind kind : FaultKind.values()) {
            if (kind.scope() != FaultKind.Scope.POINT) {
                byFault.put(kind.wireName(), 0L);
            }
        }
    }

    public synchronized void record(Outgoing message) {
        messages++;
        byFormat.merge(message.report().format().name(), 1L, Long::sum);
        message.fault().ifPresent(kind -> byFault.merge(kind.wireName(), 1L, Long::sum));
        message.report().event().filter(kind -> kind != FaultKind.COVERAGE_LOSS)
            .ifPresent(kind -> byFault.merge(kind.wireName(), 1L, Long::sum));
        message.expectedReject().ifPresentOrElse(reason -> rejects.merge(reason.name(), 1L, Long::sum),
            () -> readings += message.report().readings());
        message.report().alert().ifPresent(alert -> {
            alerts.putIfAbsent(alert.key(), alert);
            alertMessages.merge(alert.key(), 1, Integer::sum);
        });
        message.report().entry().ifPresent(entries::add);
        Instant stamp = message.report().stamp();
        lastStamp = lastStamp == null || stamp.isAfter(lastStamp) ? stamp : lastStamp;
    }

    public synchronized long messages() {
        return messages;
    }

    public synchronized Map<String, Long> faultCounts() {
        return new TreeMap<>(byFault);
    }

    public synchronized Map<String, Long> expectedRejects() {
        return new TreeMap<>(rejects);
    }

    public List<SilentPoint> silentPoints() {
        return silent;
    }

    /** The truth so far, for a run that covered the timeline up to {@code end}. */
    public synchronized GroundTruth snapshot(Instant end, long acknowledged, long failed) {
        List<GroundTruth.Alert> expected = new ArrayList<>();
        for (Map.Entry<String, ExpectedAlert> alert : alerts.entrySet()) {
            ExpectedAlert a = alert.getValue();
            boolean complete = a.windowStart() == null
                || !a.windowStart().isBefore(settings.start()) && !a.windowEnd().isAfter(end);
            expected.add(new GroundTruth.Alert(a, alertMessages.get(alert.getKey()), complete));
        }
        return new GroundTruth(settings.seed(), settings.start(), end, settings.speedUp(), settings.faults().toString(),
            new GroundTruth.Counts(messages, readings, acknowledged, failed, new TreeMap<>(byFormat),
                new TreeMap<>(byFault)),
            new TreeMap<>(rejects), silent, skewed, expected, List.copyOf(entries), keyAreas, coverage);
    }
}
