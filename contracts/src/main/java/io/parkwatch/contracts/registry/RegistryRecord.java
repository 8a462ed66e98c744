package io.parkwatch.contracts.registry;

/**
 * A value of the compacted registry topic: exactly one of park, enterprise or point, under the
 * key {@link RegistryKeys} gives it; a null value (tombstone) removes the entity.
 */
public record RegistryRecord(EnterpriseEntry enterprise, PointEntry point, ParkEntry park) {

    public RegistryRecord {
        int held = (enterprise == null ? 0 : 1) + (point == null ? 0 : 1) + (park == null ? 0 : 1);
        if (held != 1) {
            throw new IllegalArgumentException("a registry record holds exactly one of park, enterprise or point");
        }
    }

    public RegistryRecord(EnterpriseEntry enterprise, PointEntry point) {
        this(enterprise, point, null);
    }

    public static RegistryRecord of(EnterpriseEntry enterprise) {
        return new RegistryRecord(enterprise, null, null);
    }

    public static RegistryRecord of(PointEntry point) {
        return new RegistryRecord(null, point, null);
    }

    public static RegistryRecord of(ParkEntry park) {
        return new RegistryRecord(null, null, park);
    }

    public String key() {
        return RegistryKeys.of(this);
    }
}
