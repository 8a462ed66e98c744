package io.parkwatch.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryDiffTest {

    private static final RegistryRecord PARK = RegistryRecord.of(new ParkEntry("p", "P"));
    private static final RegistryRecord FIRM = RegistryRecord.of(new EnterpriseEntry("p", "e", null, Set.of()));
    private static final RegistryRecord METER = point("elec-01", Duration.ofSeconds(15));

    private static RegistryRecord point(String id, Duration interval) {
        return RegistryRecord.of(new PointEntry("p", "e", id, Module.ENERGY, "electricity-meter", interval, null,
            null));
    }

    private static Map<String, RegistryRecord> topic(RegistryRecord... records) {
        Map<String, RegistryRecord> current = new HashMap<>();
        for (RegistryRecord record : records) {
            current.put(record.key(), record);
        }
        return current;
    }

    @Test
    void anEmptyTopicGetsEverything() {
        RegistryDiff diff = RegistryDiff.of(Map.of(), List.of(PARK, FIRM, METER));
        assertThat(diff.publish()).containsExactly(PARK, FIRM, METER);
        assertThat(diff.remove()).isEmpty();
        assertThat(diff.summary()).isEqualTo(new LoadSummary(3, 0, 0, 0));
    }

    @Test
    void onlyChangesArePublishedAndDroppedEntitiesRemovedPointsFirst() {
        RegistryRecord slower = point("elec-01", Duration.ofSeconds(30));
        RegistryRecord water = point("water-01", Duration.ofMinutes(1));
        RegistryRecord oldPark = RegistryRecord.of(new ParkEntry("old", null));
        RegistryRecord oldFirm = RegistryRecord.of(new EnterpriseEntry("old", "x", null, Set.of()));
        Map<String, RegistryRecord> current = topic(PARK, FIRM, METER, water, oldPark, oldFirm);
        current.put("point:old/x/gone", null);

        RegistryDiff diff = RegistryDiff.of(current, List.of(PARK, FIRM, slower, point("gas", Duration.ofMinutes(1))));

        assertThat(diff.publish()).extracting(RegistryRecord::key).containsExactly("point:p/e/elec-01", "point:p/e/gas");
        assertThat(diff.remove()).containsExactly("point:old/x/gone", "point:p/e/water-01", "enterprise:old/x",
            "park:old");
        assertThat(diff.summary()).isEqualTo(new LoadSummary(1, 1, 2, 4));
    }

    @Test
    void anUnreadableRecordIsReplaced() {
        Map<String, RegistryRecord> current = new HashMap<>();
        current.put(METER.key(), null);
        assertThat(RegistryDiff.of(current, List.of(METER)).summary()).isEqualTo(new LoadSummary(0, 1, 0, 0));
    }
}
