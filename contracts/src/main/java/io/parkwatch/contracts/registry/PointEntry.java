package io.parkwatch.contracts.registry;

import io.parkwatch.contracts.reading.PointKeys;
import java.time.Duration;
import java.util.Objects;

/**
 * A point that must report: a meter, a CEMS stack, a detector, a vehicle terminal.
 *
 * @param kind             e.g. electricity-meter, cems-stack, gas-detector, hazmat-vehicle
 * @param expectedInterval how often it should report; the staleness window derives from it
 * @param hj212Mn          the HJ 212 device id, when the point is fed by a data logger
 * @param jt808Terminal    the JT/T 808 terminal phone number, for vehicles
 */
public record PointEntry(
        String park,
        String enterprise,
        String id,
        Module module,
        String kind,
        Duration expectedInterval,
        String hj212Mn,
        String jt808Terminal) {

    public PointEntry {
        Objects.requireNonNull(park, "park is required");
        Objects.requireNonNull(enterprise, "enterprise is required");
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(module, "module is required");
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(expectedInterval, "expectedInterval is required");
        if (expectedInterval.isNegative() || expectedInterval.isZero()) {
            throw new IllegalArgumentException("expectedInterval must be positive: " + expectedInterval);
        }
    }

    public String pointKey() {
        return PointKeys.of(park, enterprise, id);
    }
}
