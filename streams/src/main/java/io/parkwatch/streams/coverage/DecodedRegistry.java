package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.registry.PointEntry;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
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
    private final Map<String, Decoded<PointEntry>> points = bounded();
    private final Map<String, Decoded<ZoneId>> zones = bounded();

    DecodedRegistry(ReadOnlyKeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** The registered, required point, or null (as {@link RegistryStore#point}). */
    PointEntry point(String pointKey) {
        return read(points, pointKey, RegistryStore.pointKey(pointKey), raw -> RegistryStore.pointIn(pointKey, raw));
    }

    /** The time zone of the park's registry entry, or null (as {@link RegistryStore#zone}). */
    ZoneId zone(String park) {
        return read(zones, park, RegistryStore.parkKey(park), RegistryStore::zoneIn);
    }

    private <T> T read(Map<String, Decoded<T>> cache, String id, String storeKey, Function<byte[], T> decoder) {
        byte[] raw = store.get(storeKey);
        if (raw == null) {
            cache.remove(id);
            return null;
        }
        Decoded<T> known = cache.get(id);
        if (known != null && Arrays.equals(known.raw(), raw)) {
            return known.value();
        }
        T value = decoder.apply(raw);
        cache.put(id, new Decoded<>(raw, value));
        return value;
    }

    private static <T> Map<String, Decoded<T>> bounded() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Decoded<T>> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    /** The bytes a value was decoded from, to tell whether the store's entry changed since. */
    private record Decoded<T>(byte[] raw, T value) {
    }
}
