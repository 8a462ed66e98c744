package io.parkwatch.contracts.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.parkwatch.contracts.reading.PointKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A point that must report: a meter, a CEMS stack, a detector, a vehicle terminal. Vehicles
 * belong to their park's fleet: their {@code enterprise} is {@link #FLEET}.
 *
 * @param kind             a {@link PointKind} wire name, e.g. electricity-meter, cems-stack, hazmat-vehicle
 * @param expectedInterval how often it should report; the staleness window derives from it
 * @param hj212Mn          the HJ 212 device id, when the point is fed by a data logger
 * @param jt808Terminal    the JT/T 808 terminal phone number, for vehicles
 * @param required         whether coverage counts it (a point kept for information is not); default true
 */
public record PointEntry(
        String park,
        String enterprise,
        String id,
        Module module,
        String kind,
        Duration expectedInterval,
        String hj212Mn,
        String jt808Terminal,
        boolean required) {

    /** The enterprise id under which a park's vehicles are registered, as in {@code {park}.vehicles} logins. */
    public static final String FLEET = "vehicles";

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

    /** A required point. */
    public PointEntry(String park, String enterprise, String id, Module module, String kind,
                      Duration expectedInterval, String hj212Mn, String jt808Terminal) {
        this(park, enterprise, id, module, kind, expectedInterval, hj212Mn, jt808Terminal, true);
    }

    /** Reads JSON written before {@code required} existed as a required point. */
    @JsonCreator
    static PointEntry fromJson(@JsonProperty("park") String park, @JsonProperty("enterprise") String enterprise,
                               @JsonProperty("id") String id, @JsonProperty("module") Module module,
                               @JsonProperty("kind") String kind,
                               @JsonProperty("expectedInterval") Duration expectedInterval,
                               @JsonProperty("hj212Mn") String hj212Mn,
                               @JsonProperty("jt808Terminal") String jt808Terminal,
                               @JsonProperty("required") Boolean required) {
        return new PointEntry(park, enterprise, id, module, kind, expectedInterval, hj212Mn, jt808Terminal,
            required == null || required);
    }

    public String pointKey() {
        return PointKey.text(park, enterprise, id);
    }

    /** The kind as the shared enum; empty for a kind this version does not know. */
    public Optional<PointKind> pointKind() {
        return PointKind.fromWireName(kind);
    }

    /** Derived from {@code enterprise}, so not written to JSON. */
    @JsonIgnore
    public boolean isVehicle() {
        return FLEET.equals(enterprise);
    }
}
