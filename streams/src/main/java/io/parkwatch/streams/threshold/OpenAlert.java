package io.parkwatch.streams.threshold;

import io.parkwatch.contracts.alert.Severity;
import java.time.Instant;

/**
 * The alert open for a (point, rule), as kept in the state store.
 *
 * @param lastEventAt when the last event of this alert was emitted (paces UPDATED events)
 */
public record OpenAlert(String alertId, Severity severity, Instant firstSeen, Instant lastSeen, Double peak,
                        long occurrences, boolean acknowledged, Instant lastEventAt) {

    OpenAlert absorb(Severity now, Double value, Instant at, Direction direction) {
        Double newPeak = peak;
        if (value != null) {
            newPeak = peak == null ? value : Double.valueOf(direction.worse(peak, value));
        }
        Instant seen = at.isAfter(lastSeen) ? at : lastSeen;
        return new OpenAlert(alertId, now, firstSeen, seen, newPeak, occurrences + 1, acknowledged, lastEventAt);
    }

    OpenAlert emitted(Instant at, boolean stillAcknowledged) {
        return new OpenAlert(alertId, severity, firstSeen, lastSeen, peak, occurrences, stillAcknowledged, at);
    }
}
