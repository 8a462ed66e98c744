package io.parkwatch.contracts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.registry.Module;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertEventJsonTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private final JsonSerde<AlertEvent> serde = new JsonSerde<>(AlertEvent.class);

    @Test
    void anEventWrittenBeforeTheOperatorsFieldsStillReadsWithThemNull() {
        String old = """
            {"alertId":"p/e/det-1|h2s|1795420800000","type":"ACKNOWLEDGED","ruleId":"h2s","park":"p",
             "enterprise":"e","pointKey":"p/e/det-1","severity":"WARNING","firstSeen":"2026-11-23T08:00:00Z",
             "lastSeen":"2026-11-23T08:00:00Z","peakValue":12.0,"occurrences":3,
             "message":"acknowledged by li.wei: valve closed","at":"2026-11-23T08:01:00Z"}
            """;

        AlertEvent event = serde.deserialize("parkwatch.alerts.v1", old.getBytes(StandardCharsets.UTF_8));

        assertThat(event.type()).isEqualTo(AlertEventType.ACKNOWLEDGED);
        assertThat(event.occurrences()).isEqualTo(3);
        assertThat(event.module()).isNull();
        assertThat(event.metric()).isNull();
        assertThat(event.value()).isNull();
        assertThat(event.limit()).isNull();
        assertThat(event.acknowledgedBy()).isNull();
        assertThat(event.note()).isNull();
    }

    @Test
    void theOperatorsFieldsSurviveARoundTrip() {
        AlertEvent event = new AlertEvent("a-1", AlertEventType.ACKNOWLEDGED, "h2s", "p", "e", "p/e/det-1",
            Severity.WARNING, T0, T0, 12.0, 3, "acknowledged", T0, Module.SAFETY, "h2s", 11.5, 10.0, "li.wei",
            "valve closed");

        byte[] json = serde.serialize("parkwatch.alerts.v1", event);

        assertThat(serde.deserialize("parkwatch.alerts.v1", json)).isEqualTo(event);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"module\":\"SAFETY\"")
            .contains("\"limit\":10.0").contains("\"acknowledgedBy\":\"li.wei\"");
    }
}
