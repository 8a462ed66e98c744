package io.parkwatch.alerts.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.json.JsonSerde;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateSerdesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00.123456789Z");

    private static RuleState fullState() {
        OpenAlert open = new OpenAlert("p/e/det-1:lel:1", Severity.CRITICAL, T0, T0.plusSeconds(5), 61.5, 7, true,
            T0.plusSeconds(3), "lel", 58.0, 50.0);
        Map<Severity, Double> limits = new EnumMap<>(Severity.class);
        limits.put(Severity.WARNING, 25.0);
        limits.put(Severity.CRITICAL, 50.0);
        return new RuleState(open, Map.of(Severity.WARNING, T0, Severity.CRITICAL, T0.plusSeconds(1)),
            T0.plusSeconds(5), Map.of("lel", new RuleState.LastValue(58.0, T0.plusSeconds(5))),
            Map.of("a21026", Severity.WARNING), new Assessment(Severity.CRITICAL, 58.0, "lel 58 %LEL", "lel", limits));
    }

    @Test
    void ruleStateWithEveryFieldSurvivesTheBinaryRoundTrip() {
        RuleStateSerde serde = new RuleStateSerde();
        RuleState state = fullState();

        byte[] bytes = serde.serialize("t", state);

        assertThat(bytes[0]).isNotEqualTo((byte) '{');
        assertThat(serde.deserialize("t", bytes)).isEqualTo(state);
    }

    @Test
    void ruleStateWithNullsAndEmptyMapsSurvivesTheBinaryRoundTrip() {
        RuleStateSerde serde = new RuleStateSerde();
        RuleState state = RuleState.EMPTY.withOpen(new OpenAlert("id", Severity.WARNING, T0, T0, null, 1, false, T0,
            null, null, null));

        assertThat(serde.deserialize("t", serde.serialize("t", state))).isEqualTo(state);
    }

    @Test
    void ruleStateWrittenAsJsonByEarlierVersionsIsStillRead() {
        RuleState state = fullState();
        byte[] json = new JsonSerde<>(RuleState.class).serialize("t", state);

        assertThat(new RuleStateSerde().deserialize("t", json)).isEqualTo(state);
    }

    @Test
    void windowMeanSurvivesTheBinaryRoundTripAndIsReadFromJson() {
        WindowMeanSerde serde = new WindowMeanSerde();
        WindowMean mean = new WindowMean("p", null, "p/e/stack-1", "so2-hourly", "a21026", "mg/m3", 0, 3_600_000,
            123.5, 60, 58);

        assertThat(serde.deserialize("t", serde.serialize("t", mean))).isEqualTo(mean);
        assertThat(serde.deserialize("t", new JsonSerde<>(WindowMean.class).serialize("t", mean))).isEqualTo(mean);
    }

    @Test
    void lastOxygenValueSurvivesTheBinaryRoundTripAndIsReadFromJson() {
        LastValueSerde serde = new LastValueSerde();
        RuleState.LastValue last = new RuleState.LastValue(8.75, java.time.Instant.parse("2026-11-29T15:40:01.123456789Z"));

        byte[] binary = serde.serialize("t", last);
        assertThat(binary.length).as("version, double, instant").isLessThan(24);
        assertThat(serde.deserialize("t", binary)).isEqualTo(last);
        assertThat(serde.deserialize("t", new JsonSerde<>(RuleState.LastValue.class).serialize("t", last)))
            .isEqualTo(last);
    }
}
