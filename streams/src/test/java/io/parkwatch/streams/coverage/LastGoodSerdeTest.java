package io.parkwatch.streams.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.json.JsonSerde;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastGoodSerdeTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:01.250Z");

    @Test
    void aLastGoodReadingReadsBackWithAndWithoutItsSentTime() {
        LastGoodSerde serde = new LastGoodSerde();
        LastGood sent = new LastGood("p", AT, AT.minusSeconds(30));
        LastGood unsent = new LastGood("p", AT, null);

        assertThat(serde.deserialize("t", serde.serialize("t", sent))).isEqualTo(sent);
        assertThat(serde.deserialize("t", serde.serialize("t", unsent))).isEqualTo(unsent);
    }

    @Test
    void valuesStoredAsJsonByEarlierVersionsAreStillRead() {
        LastGood value = new LastGood("p", AT, AT);

        assertThat(new LastGoodSerde().deserialize("t", new JsonSerde<>(LastGood.class).serialize("t", value)))
            .isEqualTo(value);
    }
}
