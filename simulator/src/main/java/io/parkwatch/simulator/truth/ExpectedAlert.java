package io.parkwatch.simulator.truth;

import io.parkwatch.contracts.reading.PointKey;
import java.time.Instant;

/**
 * An alert the pipeline must raise because the simulator injected its cause.
 *
 * @param rule        the default rule pack's rule id, e.g. {@code combustible-gas}, {@code so2-hourly-ultra-low}
 * @param metric      the reading's metric the rule judges
 * @param severity    the highest level the injected values reach
 * @param at          the event time of the first value over the trigger (for windowed rules: the window start)
 * @param windowStart for windowed rules, the judged window; null otherwise
 * @param windowEnd   for windowed rules, the window's end; null otherwise
 * @param peak        the highest value sent (for windowed rules: the window's mean at the reference O2)
 */
public record ExpectedAlert(String park, String enterprise, String point, String rule, String metric, String severity,
                            Instant at, Instant windowStart, Instant windowEnd, double peak) {

    /** One alert per point, rule and start: repeated messages of one injected episode share it. */
    public String key() {
        return PointKey.text(park, enterprise, point) + "|" + rule + "|" + at.toEpochMilli();
    }
}
