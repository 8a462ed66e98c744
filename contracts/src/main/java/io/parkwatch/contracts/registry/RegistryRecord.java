package io.parkwatch.contracts.registry;

/**
 * A value of the compacted registry topic: exactly one of enterprise or point. Keys are
 * {@code enterprise:park/id} and {@code point:park/enterprise/id}; a null value (tombstone)
 * removes the entity.
 */
public record RegistryRecord(EnterpriseEntry enterprise, PointEntry point) {

    public RegistryRecord {
        if ((enterprise == null) == (point == null)) {
            throw new IllegalArgumentException("a registry record holds exactly one of enterprise or point");
        }
    }

    public static RegistryRecord of(EnterpriseEntry enterprise) {
        return new RegistryRecord(enterprise, null);
    }

    public static RegistryRecord of(PointEntry point) {
        return new RegistryRecord(null, point);
    }

    public String key() {
        return enterprise != null
            ? "enterprise:" + enterprise.park() + '/' + enterprise.id()
            : "point:" + point.pointKey();
    }
}
