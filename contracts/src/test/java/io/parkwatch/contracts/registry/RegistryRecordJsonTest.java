package io.parkwatch.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryRecordJsonTest {

    private static RegistryRecord roundTrip(RegistryRecord record) {
        byte[] bytes = Topics.REGISTRY.valueSerde().serializer().serialize("t", record);
        return Topics.REGISTRY.valueSerde().deserializer().deserialize("t", bytes);
    }

    @Test
    void everyVariantSurvivesTheTopicSerde() {
        RegistryRecord park = RegistryRecord.of(new ParkEntry("ordos", "鄂托克", ZoneId.of("Asia/Shanghai"), null));
        RegistryRecord enterprise = RegistryRecord.of(new EnterpriseEntry("ordos", "m01", "XX", Set.of(
            EnterpriseClass.CHEMICAL), EnterpriseStatus.STOPPED, "ordos.m01"));
        RegistryRecord point = RegistryRecord.of(new PointEntry("ordos", "m01", "t1", Module.SAFETY, "tank",
            Duration.ofSeconds(30), null, null, false));
        assertThat(roundTrip(park)).isEqualTo(park);
        assertThat(roundTrip(enterprise)).isEqualTo(enterprise);
        assertThat(roundTrip(point)).isEqualTo(point);
        assertThat(park.key()).isEqualTo("park:ordos");
        assertThat(enterprise.key()).isEqualTo("enterprise:ordos/m01");
        assertThat(point.key()).isEqualTo("point:ordos/m01/t1");
    }

    @Test
    void derivedFlagsStayOutOfTheJson() {
        RegistryRecord vehicle = RegistryRecord.of(new PointEntry("p", PointEntry.FLEET, "v1", Module.LOGISTICS,
            "park-vehicle", Duration.ofSeconds(30), null, "0139"));
        String json = new String(Topics.REGISTRY.valueSerde().serializer().serialize("t", vehicle),
            StandardCharsets.UTF_8);
        assertThat(json).contains("\"required\":true").doesNotContain("\"vehicle\"");
        assertThat(roundTrip(vehicle).point().isVehicle()).isTrue();
    }

    @Test
    void recordsWrittenBeforeTheNewFieldsReadWithDefaults() {
        String old = "{\"enterprise\":null,\"point\":{\"park\":\"x\",\"enterprise\":\"e\",\"id\":\"p\","
            + "\"module\":\"ENERGY\",\"kind\":\"water-meter\",\"expectedInterval\":\"PT1M\"}}";
        RegistryRecord record = Topics.REGISTRY.valueSerde().deserializer().deserialize("t",
            old.getBytes(StandardCharsets.UTF_8));
        assertThat(record.point().required()).isTrue();
        String oldEnterprise = "{\"enterprise\":{\"park\":\"x\",\"id\":\"e\",\"name\":\"n\",\"classes\":[]}}";
        EnterpriseEntry enterprise = Topics.REGISTRY.valueSerde().deserializer().deserialize("t",
            oldEnterprise.getBytes(StandardCharsets.UTF_8)).enterprise();
        assertThat(enterprise.status()).isEqualTo(EnterpriseStatus.OPERATING);
        assertThat(enterprise.credentials()).isEqualTo("x.e");
        assertThat(enterprise.location()).isNull();
    }

    @Test
    void anEnterpriseLocationSurvivesTheTopicSerde() {
        EnterpriseEntry placed = new EnterpriseEntry("x", "e", "n", java.util.Set.of()).at(new Location(43.93, 116.08));
        assertThat(roundTrip(RegistryRecord.of(placed)).enterprise().location()).isEqualTo(new Location(43.93, 116.08));
    }

    @Test
    void aRecordHoldsExactlyOneEntity() {
        assertThatThrownBy(() -> new RegistryRecord(null, null, null)).hasMessageContaining("exactly one");
        assertThat(PointKind.fromWireName("major-hazard-sensor")).contains(PointKind.MAJOR_HAZARD_SENSOR);
        assertThat(PointKind.HAZMAT_VEHICLE.isVehicle()).isTrue();
    }
}
