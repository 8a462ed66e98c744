package io.parkwatch.contracts.registry;

import io.parkwatch.contracts.reading.PointKey;

/**
 * Keys of the compacted registry topic: {@code park:id}, {@code enterprise:park/id} and
 * {@code point:park/enterprise/id}. They are Kafka keys with stored state (compaction, the
 * stores of streams and alerts), so their text never changes.
 */
public final class RegistryKeys {

    /** What a registry key names, by its prefix. */
    public enum Kind {
        PARK("park:"), ENTERPRISE("enterprise:"), POINT("point:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        /** The key of the entity {@code id} of this kind. */
        public String key(String id) {
            return prefix + id;
        }
    }

    private RegistryKeys() {
    }

    public static String park(String park) {
        return Kind.PARK.key(park);
    }

    /** {@code enterprise:park/id}. */
    public static String enterprise(String park, String enterprise) {
        return Kind.ENTERPRISE.key(enterpriseId(park, enterprise));
    }

    /** {@code point:park/enterprise/point} of a point key's text. */
    public static String point(String pointKey) {
        return Kind.POINT.key(pointKey);
    }

    public static String point(PointKey pointKey) {
        return point(pointKey.toString());
    }

    /** What an enterprise key names after its prefix, {@code park/id}; also how enterprises are indexed. */
    public static String enterpriseId(String park, String enterprise) {
        return park + '/' + enterprise;
    }

    /** The kind of a registry key, or null when it is none of ours (ignored, for forward compatibility). */
    public static Kind kindOf(String key) {
        for (Kind kind : Kind.values()) {
            if (key.startsWith(kind.prefix)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * What a key names, after its prefix: a park's id, {@code park/id} of an enterprise, or the
     * point key of a point.
     */
    public static String idOf(String key) {
        Kind kind = kindOf(key);
        if (kind == null) {
            throw new IllegalArgumentException("'" + key + "' is not a registry key (park:, enterprise: or point:)");
        }
        return key.substring(kind.prefix.length());
    }

    /** The key a record is published under. */
    public static String of(RegistryRecord record) {
        if (record.park() != null) {
            return park(record.park().id());
        }
        return record.enterprise() != null
            ? enterprise(record.enterprise().park(), record.enterprise().id())
            : point(record.point().pointKey());
    }
}
