package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.streams.StreamInputs;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the registry's global store ({@link StreamInputs#REGISTRY_STORE}: the topic's raw values),
 * decoding when read: a value this version cannot read (a newer record variant, a broken
 * producer) is skipped instead of stopping the stream.
 */
public final class RegistryStore {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryStore.class);

    private RegistryStore() {
    }

    public static RegistrySnapshot snapshot(ReadOnlyKeyValueStore<String, byte[]> store) {
        RegistrySnapshot snapshot = new RegistrySnapshot();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                if (RegistryKeys.kindOf(entry.key) == RegistryKeys.Kind.PARK) {
                    snapshot.zone(RegistryKeys.idOf(entry.key), zoneIn(entry.value));
                } else {
                    snapshot.add(decode(entry.key, entry.value));
                }
            }
        }
        return snapshot;
    }

    /** The time zone of the park's registry entry, or null. */
    public static ZoneId zone(ReadOnlyKeyValueStore<String, byte[]> store, String park) {
        return zoneIn(store.get(parkKey(park)));
    }

    /**
     * Park entries are read from their JSON ({@code {"park": {"id", "timeZone", …}}}) so that
     * this version needs nothing of them but the zone.
     */
    static ZoneId zoneIn(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            String zone = JsonSerde.MAPPER.readTree(value).path("park").path("timeZone").asText("");
            return zone.isEmpty() ? null : ZoneId.of(zone);
        } catch (IOException | DateTimeException e) {
            LOG.debug("park entry without a usable time zone: {}", e.getMessage());
            return null;
        }
    }

    /** The registered point, or null. */
    public static PointEntry point(ReadOnlyKeyValueStore<String, byte[]> store, String pointKey) {
        return pointIn(pointKey, store.get(pointKey(pointKey)));
    }

    static String pointKey(String pointKey) {
        return RegistryKeys.point(pointKey);
    }

    static String parkKey(String park) {
        return RegistryKeys.park(park);
    }

    /** The point in a registry value stored under {@code point:{pointKey}}, or null. */
    static PointEntry pointIn(String pointKey, byte[] value) {
        RegistryRecord record = decode(pointKey(pointKey), value);
        return record == null ? null : record.point();
    }

    /** The record, or null when absent, unreadable, or a point marked {@code "required": false}. */
    static RegistryRecord decode(String key, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            // Points kept for information only ("required": false) count in no denominator and raise no gap.
            if (!JsonSerde.MAPPER.readTree(value).path("point").path("required").asBoolean(true)) {
                return null;
            }
            return Topics.REGISTRY.valueSerde().deserializer().deserialize(Topics.REGISTRY.name(), value);
        } catch (IOException | SerializationException | IllegalArgumentException e) {
            LOG.debug("registry entry {} skipped: {}", key, e.getMessage());
            return null;
        }
    }
}
