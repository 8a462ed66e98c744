package io.parkwatch.contracts.registry;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Values decoded from a store's bytes, kept until those bytes change: registry entries are read
 * for almost every reading and change rarely, and decoding their JSON each time cost more than
 * the rest of the lookup. At most {@code maxEntries} are kept, the least recently used dropped.
 * Not thread-safe: one per processor.
 */
public final class DecodedEntries<T> {

    private final Map<String, Decoded<T>> cache;

    public DecodedEntries(int maxEntries) {
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Decoded<T>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * The value of {@code raw}, the store's bytes for {@code id}: the one decoded before while the
     * bytes are the same, else {@code decoder}'s; null bytes forget {@code id} and answer null.
     */
    public T get(String id, byte[] raw, Function<byte[], T> decoder) {
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

    /** The bytes a value was decoded from, to tell whether the store's entry changed since. */
    private record Decoded<T>(byte[] raw, T value) {
    }
}
