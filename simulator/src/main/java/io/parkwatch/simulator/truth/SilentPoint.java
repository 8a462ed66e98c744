package io.parkwatch.simulator.truth;

import io.parkwatch.contracts.reading.PointKey;

/**
 * A required point that publishes nothing, by design.
 *
 * @param reason {@code enterprise-rented-out} (or another idle status), {@code fault-silent} (the
 *               silent fault), or {@code not-played} (outside {@code --enterprises}, or a kind without publisher)
 */
public record SilentPoint(String park, String enterprise, String point, String kind, String reason) {

    public String pointKey() {
        return PointKey.text(park, enterprise, point);
    }
}
