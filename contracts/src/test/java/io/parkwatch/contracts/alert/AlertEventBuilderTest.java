package io.parkwatch.contracts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.registry.Module;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertEventBuilderTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static AlertEvent.Builder raised() {
        return AlertEvent.builder().alertId("a-1").type(AlertEventType.RAISED).ruleId("h2s").park("p").enterprise("e")
            .pointKey("p/e/det-1").severity(Severity.WARNING).firstSeen(T0).lastSeen(T0).peakValue(12.0)
            .occurrences(3).message("h2s high").at(T0);
    }

    @Test
    void eachFieldLandsWhereThePositionalConstructorPutsItAndWritesTheSameJson() {
        AlertEvent built = raised().module(Module.SAFETY).metric("h2s").value(11.5).limit(10.0).acknowledgedBy("li")
            .note("valve closed").build();
        AlertEvent positional = new AlertEvent("a-1", AlertEventType.RAISED, "h2s", "p", "e", "p/e/det-1",
            Severity.WARNING, T0, T0, 12.0, 3, "h2s high", T0, Module.SAFETY, "h2s", 11.5, 10.0, "li", "valve closed");
        JsonSerde<AlertEvent> serde = new JsonSerde<>(AlertEvent.class);

        assertThat(built).isEqualTo(positional);
        assertThat(serde.serialize("t", built)).isEqualTo(serde.serialize("t", positional));
    }

    @Test
    void unsetOptionalFieldsStayNull() {
        AlertEvent event = raised().build();

        assertThat(event.module()).isNull();
        assertThat(event.limit()).isNull();
        assertThat(event.acknowledgedBy()).isNull();
    }

    @Test
    void aMissingRequiredFieldIsRefusedAtBuild() {
        assertThatThrownBy(() -> raised().alertId(null).build()).hasMessageContaining("alertId");
    }

    @Test
    void toBuilderCopiesEveryFieldAndAcknowledgedByChangesOnlyTheOperatorsFields() {
        AlertEvent event = raised().module(Module.SAFETY).metric("h2s").value(11.5).limit(10.0).build();

        assertThat(event.toBuilder().build()).isEqualTo(event);
        assertThat(event.acknowledgedBy("li", "ok"))
            .isEqualTo(raised().module(Module.SAFETY).metric("h2s").value(11.5).limit(10.0).acknowledgedBy("li")
                .note("ok").build());
    }
}
