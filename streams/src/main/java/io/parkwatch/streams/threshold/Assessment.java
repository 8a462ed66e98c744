package io.parkwatch.streams.threshold;

import io.parkwatch.contracts.alert.Severity;

/**
 * What a rule concluded from one observation (a reading or a closed window).
 *
 * @param level  the severity the condition is at now, hysteresis applied; null when normal
 * @param value  the judged value (converted, mean or rate); null for flags and alarm bits
 * @param detail a short human text for the alert message, e.g. "hourly mean 40.0 mg/m3"
 */
public record Assessment(Severity level, Double value, String detail) {
}
