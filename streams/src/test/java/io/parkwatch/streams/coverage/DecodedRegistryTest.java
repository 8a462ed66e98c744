package io.parkwatch.streams.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

class DecodedRegistryTest {

    private final Map<String, byte[]> entries = new HashMap<>();
    private final DecodedRegistry registry = new DecodedRegistry(new MapStore(entries));

    private void register(PointEntry point) {
        entries.put("point:" + point.pointKey(),
            Topics.REGISTRY.valueSerde().serializer().serialize(Topics.REGISTRY.name(), RegistryRecord.of(point)));
    }

    private static PointEntry meter(String kind, Duration interval) {
        return new PointEntry("p", "e1", "m1", Module.ENERGY, kind, interval, null, null);
    }

    @Test
    void aChangedRegistryEntryIsSeenByTheNextLookup() {
        register(meter("electricity-meter", Duration.ofMinutes(1)));
        assertThat(registry.point("p/e1/m1").expectedInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(registry.point("p/e1/m1")).as("unchanged bytes give the decoded entry again")
            .isSameAs(registry.point("p/e1/m1"));

        register(meter("water-meter", Duration.ofMinutes(15)));
        assertThat(registry.point("p/e1/m1").kind()).isEqualTo("water-meter");
        assertThat(registry.point("p/e1/m1").expectedInterval()).isEqualTo(Duration.ofMinutes(15));

        entries.remove("point:p/e1/m1");
        assertThat(registry.point("p/e1/m1")).as("a removed point").isNull();
    }

    @Test
    void aPointMarkedNotRequiredOrUnreadableIsNullAsInTheStoreItself() {
        entries.put("point:p/e1/x", "{\"point\":{\"park\":\"p\",\"required\":false}}".getBytes(StandardCharsets.UTF_8));
        entries.put("point:p/e1/y", "not json".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.point("p/e1/x")).isNull();
        assertThat(registry.point("p/e1/y")).isNull();
        assertThat(registry.point("p/e1/absent")).isNull();
    }

    @Test
    void aParksZoneFollowsItsEntry() {
        entries.put("park:p", "{\"park\":{\"id\":\"p\",\"timeZone\":\"Asia/Shanghai\"}}".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.zone("p")).isEqualTo(ZoneId.of("Asia/Shanghai"));
        entries.put("park:p", "{\"park\":{\"id\":\"p\",\"timeZone\":\"Asia/Urumqi\"}}".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.zone("p")).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(registry.zone("q")).isNull();
    }

    /** Only {@code get} is used by the per-reading path. */
    private record MapStore(Map<String, byte[]> entries) implements ReadOnlyKeyValueStore<String, byte[]> {

        @Override
        public byte[] get(String key) {
            byte[] value = entries.get(key);
            return value == null ? null : value.clone();
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            throw new UnsupportedOperationException("range");
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            throw new UnsupportedOperationException("all");
        }

        @Override
        public long approximateNumEntries() {
            return entries.size();
        }
    }
}
