package io.parkwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.json.JsonPointPayloadDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchLoadTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void anArrayPayloadDecodesToTheReadingsTheRawProducerSends() throws Exception {
        BenchLoad load = new BenchLoad(2, 5);
        byte[] payload = load.payload("run", 7, NOW);

        List<Observation> decoded = new JsonPointPayloadDecoder().decode("point",
            new String(payload, StandardCharsets.UTF_8));
        List<Reading> raw = load.readings(1, "run", 7, NOW, NOW);

        assertThat(decoded).hasSize(5);
        assertThat(decoded).extracting(Observation::messageId).containsExactlyElementsOf(
            raw.stream().map(Reading::messageId).toList()).doesNotHaveDuplicates();
        assertThat(decoded).extracting(Observation::observedAt).containsExactlyElementsOf(
            raw.stream().map(Reading::observedAt).toList()).endsWith(NOW);
        assertThat(decoded).extracting(Observation::value).containsExactlyElementsOf(
            raw.stream().map(Reading::value).toList());
    }

    @Test
    void oneReadingPerMessageIsAPlainObjectCarryingTheMessageId() throws Exception {
        BenchLoad load = new BenchLoad(1);
        String payload = new String(load.payload("run", 3, NOW), StandardCharsets.UTF_8);

        assertThat(payload).startsWith("{");
        assertThat(new JsonPointPayloadDecoder().decode("point", payload)).singleElement()
            .extracting(Observation::messageId).isEqualTo(BenchLoad.messageId("run", 3));
        assertThat(load.readings(0, "run", 3, NOW, NOW)).singleElement()
            .extracting(Reading::messageId).isEqualTo(BenchLoad.messageId("run", 3));
    }

    @Test
    void theLargestArrayStaysWithinTheGatewaysPayloadCap() {
        BenchLoad load = new BenchLoad(1, BenchLoad.MAX_READINGS_PER_MESSAGE);

        assertThat(load.payload("warm-gateway", 999_999_999L, NOW).length).isLessThanOrEqualTo(GatewaySettings.DEFAULTS.maxPayloadBytes());
        assertThatThrownBy(() -> new BenchLoad(1, BenchLoad.MAX_READINGS_PER_MESSAGE + 1))
            .hasMessageContaining("--readings-per-message");
    }
}
