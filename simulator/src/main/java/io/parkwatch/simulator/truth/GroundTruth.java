package io.parkwatch.simulator.truth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a simulation run must make the pipeline show, written as JSON by {@code simulate --truth}.
 *
 * @param expectedRejects  messages sent that the gateway must refuse, per reject reason
 * @param silentPoints     required points that published nothing by design
 * @param expectedAlerts   alerts the injected exceedances and leaks must raise
 * @param keyAreaEntries   vehicles entering their park's key area (alerts once a geofence rule on {@code keyAreas} is loaded)
 * @param coverage         each plan row's required members and those live by design
 */
public record GroundTruth(long seed, Instant start, Instant end, double speedUp, String faults, Counts counts,
                          Map<String, Long> expectedRejects, List<SilentPoint> silentPoints,
                          List<SkewedPoint> skewedPoints, List<Alert> expectedAlerts,
                          List<KeyAreaEntry> keyAreaEntries, Map<String, List<double[]>> keyAreas,
                          List<CoverageByDesign> coverage) {

    /**
     * Messages and readings handed to the broker, acknowledged by it, and per format and fault kind.
     *
     * @param readings readings in the messages the gateway must accept (duplicates included)
     */
    public record Counts(long sent, long readings, long acknowledged, long failed, Map<String, Long> byFormat,
                         Map<String, Long> byFault) {
    }

    /**
     * An expected alert; {@code complete} when the run covered its whole window (a windowed rule
     * judges an hour 10 minutes after it ends), so a partial hour may or may not fire.
     */
    public record Alert(ExpectedAlert alert, int messages, boolean complete) {
    }
}
