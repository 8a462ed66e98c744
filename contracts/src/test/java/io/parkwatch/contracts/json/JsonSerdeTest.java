package io.parkwatch.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Position;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static <T> T roundTrip(Class<T> type, T value) {
        JsonSerde<T> serde = new JsonSerde<>(type);
        return serde.deserialize("t", serde.serialize("t", value));
    }

    @Test
    void readingSurvivesARoundTrip() {
        Reading reading = Reading.builder().messageId("m-1").park("xilinhot").enterprise("e001").point("elec-01")
            .domain(Domain.ENERGY).metric("active_power").value(412.5).unit("kW").observedAt(T0)
            .receivedAt(T0.plusMillis(40)).quality(Quality.N).sourceFormat(SourceFormat.JSON).build();
        assertThat(roundTrip(Reading.class, reading)).isEqualTo(reading);
    }

    @Test
    void positionReadingSurvivesARoundTrip() {
        Position position = new Position(43.95, 116.07, 32.5, 270, 990, 2L, 3L);
        Reading reading = Reading.builder().messageId("t-1").park("ordos").enterprise("fleet-1").point("v-013")
            .domain(Domain.LOGISTICS).metric("position").position(position).unit("").observedAt(T0).receivedAt(T0)
            .quality(Quality.N).sourceFormat(SourceFormat.JT808).build();
        assertThat(roundTrip(Reading.class, reading)).isEqualTo(reading);
    }

    @Test
    void instantsAreWrittenAsIsoText() {
        Reading reading = Reading.builder().messageId("m-1").park("p").enterprise("e").point("pt")
            .domain(Domain.ENERGY).metric("kwh").value(1.0).unit("kWh").observedAt(T0).receivedAt(T0)
            .quality(Quality.N).sourceFormat(SourceFormat.JSON).build();
        String json = new String(new JsonSerde<>(Reading.class).serialize("t", reading), StandardCharsets.UTF_8);
        assertThat(json).contains("\"observedAt\":\"2026-11-23T08:00:00Z\"");
    }

    @Test
    void rejectionKeepsItsRawBytes() {
        byte[] raw = {0x7e, 0x02, 0x00, (byte) 0xff, 0x7e};
        Rejection rejection = new Rejection("parks/p/vehicles/v/jt808", "p", null, SourceFormat.JT808,
            RejectReason.JT808_BAD_CHECK_CODE, "check code 0x12, computed 0x34", raw, T0);
        Rejection back = roundTrip(Rejection.class, rejection);
        assertThat(back).isEqualTo(rejection);
        assertThat(back.raw()).containsExactly(raw);
    }

    @Test
    void otherContractRecordsSurviveARoundTrip() {
        Aggregate aggregate = new Aggregate("p", "e", "pt", Domain.EMISSIONS, "a21026", "mg/m3", "1m",
            T0, T0.plusSeconds(60), 4, 3, 100.0, 20.0, 30.0);
        CoverageRow row = new CoverageRow("p", Module.ENERGY, "key-energy-user-meters", 10, 7, 1.0,
            List.of("p/e/m1"), false, T0);
        AlertEvent alert = AlertEvent.builder()
            .alertId("a-1")
            .type(AlertEventType.RAISED)
            .ruleId("so2-ultra-low")
            .park("p")
            .enterprise("e")
            .pointKey("p/e/stack-1")
            .severity(Severity.CRITICAL)
            .firstSeen(T0)
            .lastSeen(T0)
            .peakValue(41.2)
            .occurrences(1)
            .message("SO2 hourly mean 41.2 > 35 mg/m3")
            .at(T0)
            .build();
        RegistryRecord enterprise = RegistryRecord.of(new EnterpriseEntry("p", "e", "内蒙古XX建材有限公司",
            Set.of(EnterpriseClass.ABOVE_SCALE, EnterpriseClass.KEY_POLLUTER)));
        RegistryRecord point = RegistryRecord.of(new PointEntry("p", "e", "stack-1", Module.ENVIRONMENT,
            "cems-stack", Duration.ofSeconds(30), "010000A8900016F000169DC0", null));

        assertThat(roundTrip(Aggregate.class, aggregate)).isEqualTo(aggregate);
        assertThat(roundTrip(CoverageRow.class, row)).isEqualTo(row);
        assertThat(roundTrip(AlertEvent.class, alert)).isEqualTo(alert);
        assertThat(roundTrip(RegistryRecord.class, enterprise)).isEqualTo(enterprise);
        assertThat(roundTrip(RegistryRecord.class, point)).isEqualTo(point);
    }

    @Test
    void badBytesFailNamingTopicTypeAndPayload() {
        JsonSerde<Reading> serde = new JsonSerde<>(Reading.class);
        byte[] garbage = "{\"messageId\": 12, oops".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> serde.deserialize("parkwatch.readings.v1", garbage))
            .isInstanceOf(JsonSerdeException.class)
            .hasMessageContaining("parkwatch.readings.v1")
            .hasMessageContaining("Reading")
            .hasMessageContaining("{\"messageId\": 12, oops");
    }

    @Test
    void jsonThatBreaksARecordInvariantFailsWithTheInvariant() {
        JsonSerde<Reading> serde = new JsonSerde<>(Reading.class);
        byte[] noPark = ("{\"messageId\":\"m\",\"enterprise\":\"e\",\"point\":\"p\",\"domain\":\"ENERGY\","
            + "\"metric\":\"kwh\",\"value\":1,\"observedAt\":\"2026-11-23T08:00:00Z\","
            + "\"receivedAt\":\"2026-11-23T08:00:00Z\",\"sourceFormat\":\"JSON\"}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> serde.deserialize("t", noPark))
            .isInstanceOf(JsonSerdeException.class)
            .hasMessageContaining("park is required");
    }

    @Test
    void nullBytesAreATombstone() {
        assertThat(new JsonSerde<>(RegistryRecord.class).deserialize("t", null)).isNull();
        assertThat(new JsonSerde<>(RegistryRecord.class).serialize("t", null)).isNull();
    }
}
