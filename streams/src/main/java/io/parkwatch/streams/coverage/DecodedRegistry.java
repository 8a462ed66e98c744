package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.DecodedEntries;
import java.time.ZoneId;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The registry store as the per-reading path reads it: every lookup still goes to the store, so an
 * update of the registry topic is seen by the next reading, but an entry is decoded from JSON only
 * when its bytes differ from those decoded last time. Decoding a point's JSON for every reading
 * was the largest cost of the point stage. One instance per processor (not thread-safe), bounded.
 */
final class DecodedRegistry {

    static final int MAX_ENTRIES = 200_000;

    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private final DecodedEntries<PointEntry> points = new DecodedEntries<>(MAX_ENTRIES);
    private final DecodedEntries<ZoneId> zones = new DecodedEntries<>(MAX_ENTRIES);

    DecodedRegistry(ReadOnlyKeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** The registered, required point, or null (as {@link RegistryStore#point}). */
    PointEntry point(String pointKey) {
        return points.get(pointKey, store.get(RegistryStore.pointKey(pointKey)),
            raw -> RegistryStore.pointIn(pointKey, raw));
    }

    /** The time zone of the park's registry entry, or null (as {@link RegistryStore#zone}). */
    ZoneId zone(String park) {
        return zones.get(park, store.get(RegistryStore.parkKey(park)), RegistryStore::zoneIn);
    }
}
