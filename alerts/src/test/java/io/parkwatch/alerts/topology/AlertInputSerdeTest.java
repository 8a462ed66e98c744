package io.parkwatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.alerts.judge.TestReadings;
import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.reading.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertInputSerdeTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final String TOPIC = "alert-readings-by-enterprise";
    private final Reading reading = TestReadings.gas("h2s", 12.0, "mg/m3", T0);
    private final AlertCommand command = new AlertCommand("p/e/det-1|h2s|1795420800000", "li.wei", "", T0);

    @Test
    void anEnterpriseReadingIsWrittenInTheEnvelopeTheTopicHasAlwaysHeld() {
        String json = text(AlertInputSerde.enterpriseReadings().serialize(TOPIC, new AlertInput.EnterpriseReading(reading)));

        assertThat(json).isEqualTo("{\"reading\":" + text(new JsonSerde<>(Reading.class).serialize(TOPIC, reading))
            + ",\"command\":null,\"forEnterprise\":true}");
    }

    @Test
    void aCommandIsWrittenInTheEnvelopeTheTopicHasAlwaysHeld() {
        String json = text(AlertInputSerde.commands().serialize(TOPIC, new AlertInput.OperatorCommand(command)));

        assertThat(json).isEqualTo("{\"reading\":null,\"command\":"
            + text(new JsonSerde<>(AlertCommand.class).serialize(TOPIC, command)) + ",\"forEnterprise\":false}");
    }

    @Test
    void eachTopicsSerdeReadsBackTheKindItCarries() {
        AlertInputSerde enterprise = AlertInputSerde.enterpriseReadings();
        AlertInputSerde commands = AlertInputSerde.commands();

        assertThat(enterprise.deserialize(TOPIC, enterprise.serialize(TOPIC, new AlertInput.EnterpriseReading(reading))))
            .isEqualTo(new AlertInput.EnterpriseReading(reading));
        assertThat(commands.deserialize(TOPIC, commands.serialize(TOPIC, new AlertInput.OperatorCommand(command))))
            .isEqualTo(new AlertInput.OperatorCommand(command));
        assertThat(enterprise.deserialize(TOPIC, null)).isNull();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
