package io.parkwatch.alerts.topology;

import io.parkwatch.contracts.registry.DecodedEntries;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.streams.StreamInputs;
import java.time.ZoneId;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's points as the alerts application reads them for each reading: the global store
 * keeps the records' bytes, and a point's entry is decoded again only when its bytes changed
 * (decoding its JSON on every lookup was a fifth of the alerts stream thread in the whole-pipeline
 * benchmark). Every lookup still reads the store, so a registry update counts from the next
 * reading on. One per processor.
 */
final class RegistryPoints {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryPoints.class);

    static final int MAX_ENTRIES = 200_000;
    static final int MAX_PARKS = 1_000;

    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private final Deserializer<RegistryRecord> records = Topics.REGISTRY.valueSerde().deserializer();
    private final DecodedEntries<PointEntry> points = new DecodedEntries<>(MAX_ENTRIES);
    private final DecodedEntries<ZoneId> parkZones = new DecodedEntries<>(MAX_PARKS);

    RegistryPoints(ProcessorContext<?, ?> context) {
        this.store = context.getStateStore(StreamInputs.REGISTRY_STORE);
    }

    /** The registered point, or null. */
    PointEntry point(String pointKey) {
        return points.get(pointKey, store.get(RegistryKeys.point(pointKey)), raw -> {
            RegistryRecord record = readable(pointKey, raw);
            return record == null ? null : record.point();
        });
    }

    /** The park's time zone from its registry entry; {@link ParkZones#DEFAULT} for a park it does not list. */
    ZoneId parkZone(String park) {
        ZoneId zone = parkZones.get(park, store.get(RegistryKeys.park(park)), raw -> {
            RegistryRecord record = readable(park, raw);
            return record == null || record.park() == null ? null : ParkZones.of(record.park());
        });
        return zone == null ? ParkZones.DEFAULT : zone;
    }

    /**
     * The record, or null when its bytes cannot be read: an unreadable entry counts as unregistered
     * (as coverage reads it), rather than failing every reading of its point. The global thread
     * already counted the record; the cache decodes the same bytes only once, so this logs once.
     */
    private RegistryRecord readable(String id, byte[] raw) {
        try {
            return records.deserialize(Topics.REGISTRY.name(), raw);
        } catch (RuntimeException e) {
            LOG.warn("registry entry of {} unreadable, taken as unregistered: {}", id, e.toString());
            return null;
        }
    }
}
