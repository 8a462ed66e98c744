package io.parkwatch.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.reading.PointKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryKeysTest {

    @Test
    void keysKeepTheirStoredText() {
        assertThat(RegistryKeys.park("ordos")).isEqualTo("park:ordos");
        assertThat(RegistryKeys.enterprise("ordos", "m01")).isEqualTo("enterprise:ordos/m01");
        assertThat(RegistryKeys.point("ordos/m01/t1")).isEqualTo("point:ordos/m01/t1");
        assertThat(RegistryKeys.point(PointKey.of("ordos", "m01", "t1"))).isEqualTo("point:ordos/m01/t1");
    }

    @Test
    void aRecordIsKeyedByWhatItHolds() {
        PointEntry point = new PointEntry("ordos", "m01", "t1", Module.SAFETY, "tank", Duration.ofSeconds(30), null,
            null);
        assertThat(RegistryKeys.of(RegistryRecord.of(new ParkEntry("ordos", "Ordos")))).isEqualTo("park:ordos");
        assertThat(RegistryKeys.of(RegistryRecord.of(point))).isEqualTo("point:ordos/m01/t1");
    }

    @Test
    void aKeyTellsItsKindAndWhatItNames() {
        assertThat(RegistryKeys.kindOf("park:ordos")).isEqualTo(RegistryKeys.Kind.PARK);
        assertThat(RegistryKeys.kindOf("enterprise:ordos/m01")).isEqualTo(RegistryKeys.Kind.ENTERPRISE);
        assertThat(RegistryKeys.kindOf("point:ordos/m01/t1")).isEqualTo(RegistryKeys.Kind.POINT);
        assertThat(RegistryKeys.kindOf("vehicle:x")).isNull();
        assertThat(RegistryKeys.idOf("park:ordos")).isEqualTo("ordos");
        assertThat(RegistryKeys.idOf("enterprise:ordos/m01")).isEqualTo("ordos/m01");
        assertThat(RegistryKeys.idOf("point:ordos/m01/t1")).isEqualTo("ordos/m01/t1");
        assertThatThrownBy(() -> RegistryKeys.idOf("vehicle:x")).hasMessageContaining("'vehicle:x' is not a registry key");
    }
}
