package io.parkwatch.alerts.rule;

import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.reading.Quality;
import java.util.Map;

/**
 * Instrument alerts from HJ 212 data flags: a reading flagged, e.g., D (fault) or B
 * (communication fault) raises at the flag's severity; the alert clears once every metric of
 * the point that was flagged reports a flag not listed again.
 */
public record QualityCondition(Map<Quality, Severity> flags) implements Condition {

    public QualityCondition {
        flags = Map.copyOf(flags);
        if (flags.isEmpty()) {
            throw new IllegalArgumentException("at least one flag is required");
        }
        if (flags.containsKey(Quality.N)) {
            throw new IllegalArgumentException("flag N is normal data and cannot raise an alert");
        }
    }
}
