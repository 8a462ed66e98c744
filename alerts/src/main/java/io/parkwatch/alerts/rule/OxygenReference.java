package io.parkwatch.alerts.rule;

import java.time.Duration;
import java.util.Objects;

/**
 * Conversion of a flue-gas concentration to the reference O₂ of its limit:
 * C_ref = C_meas × (21 − O₂_ref) / (21 − O₂_meas). A value whose metric is already converted
 * (HJ 212 {@code -Zs…} fields) is taken as it is.
 *
 * @param oxygenFactor the metric code of measured O₂ (HJ 212 {@code a19001}); the O₂ reading
 *                     used is the one with the same field suffix ({@code a21026-Avg} → {@code a19001-Avg})
 * @param maxAge       how far apart the O₂ reading and the value may be
 */
public record OxygenReference(double referencePercent, String oxygenFactor, Duration maxAge) {

    private static final double AIR_OXYGEN = 21.0;

    public OxygenReference {
        Objects.requireNonNull(oxygenFactor, "oxygenFactor is required");
        Objects.requireNonNull(maxAge, "maxAge is required");
        if (!(referencePercent >= 0 && referencePercent < AIR_OXYGEN)) {
            throw new IllegalArgumentException("reference O2 must be in [0, 21): " + referencePercent);
        }
    }

    public static boolean alreadyConverted(String metric) {
        int dash = metric.indexOf('-');
        return dash >= 0 && metric.startsWith("Zs", dash + 1);
    }

    /** The O₂ metric measured alongside {@code metric}: same field suffix, O₂ factor code. */
    public String oxygenMetricFor(String metric) {
        int dash = metric.indexOf('-');
        return dash < 0 ? oxygenFactor : oxygenFactor + metric.substring(dash);
    }

    /** True for a reading of measured O₂ (any field). */
    public boolean isOxygenMetric(String metric) {
        return metric.equals(oxygenFactor) || metric.startsWith(oxygenFactor + '-');
    }

    /** NaN when the measured O₂ makes the conversion meaningless (at or above air's 21 %). */
    public double convert(double measured, double oxygenPercent) {
        if (!(oxygenPercent < AIR_OXYGEN) || oxygenPercent < 0) {
            return Double.NaN;
        }
        return measured * (AIR_OXYGEN - referencePercent) / (AIR_OXYGEN - oxygenPercent);
    }
}
