package io.parkwatch.alerts.rule;

import io.parkwatch.contracts.alert.Severity;
import java.util.Map;

/**
 * JT/T 808 alarm word bits of a position (bit 0 emergency, bit 1 overspeed, …): set raises at
 * the bit's severity, a position with the bits clear clears.
 */
public record AlarmBitsCondition(Map<Integer, Severity> bits) implements Condition {

    public AlarmBitsCondition {
        bits = Map.copyOf(bits);
        if (bits.isEmpty()) {
            throw new IllegalArgumentException("at least one alarm bit is required");
        }
        for (int bit : bits.keySet()) {
            if (bit < 0 || bit > 31) {
                throw new IllegalArgumentException("alarm bit must be 0..31: " + bit);
            }
        }
    }
}
