package io.parkwatch.alerts.state;

import io.parkwatch.alerts.rule.Direction;
import io.parkwatch.contracts.alert.Severity;
import java.time.Instant;

/**
 * The alert open for a (point, rule), as kept in the state store.
 *
 * @param lastEventAt when the last event of this alert was emitted (paces UPDATED events)
 * @param metric      the metric last judged; null in states written before it was kept
 * @param value       the latest judged value
 * @param limit       the threshold in force for {@code severity}
 */
public record OpenAlert(String alertId, Severity severity, Instant firstSeen, Instant lastSeen, Double peak,
                        long occurrences, boolean acknowledged, Instant lastEventAt, String metric, Double value,
                        Double limit) {

    /**
     * With one more observation at {@code now}: counted when {@code observed}, not when time alone
     * confirmed a level (a {@code for:} duration elapsing).
     */
    public OpenAlert absorb(Severity now, Assessment assessment, Instant at, Direction direction, boolean observed) {
        Double newPeak = peak;
        Double latest = assessment.value();
        if (latest != null) {
            newPeak = peak == null ? latest : Double.valueOf(direction.worse(peak, latest));
        }
        Instant seen = at.isAfter(lastSeen) ? at : lastSeen;
        String judged = assessment.metric() == null ? metric : assessment.metric();
        return new OpenAlert(alertId, now, firstSeen, seen, newPeak, occurrences + (observed ? 1 : 0), acknowledged,
            lastEventAt, judged, latest == null ? value : latest, assessment.limit(now));
    }

    /** Only the latest value (a clearing observation): count, last seen and peak stay. */
    public OpenAlert latest(Assessment assessment) {
        Double latest = assessment.value() == null ? value : assessment.value();
        Double limitNow = assessment.limit(severity) == null ? limit : assessment.limit(severity);
        return new OpenAlert(alertId, severity, firstSeen, lastSeen, peak, occurrences, acknowledged, lastEventAt,
            assessment.metric() == null ? metric : assessment.metric(), latest, limitNow);
    }

    public OpenAlert emitted(Instant at, boolean stillAcknowledged) {
        return new OpenAlert(alertId, severity, firstSeen, lastSeen, peak, occurrences, stillAcknowledged, at, metric,
            value, limit);
    }
}
