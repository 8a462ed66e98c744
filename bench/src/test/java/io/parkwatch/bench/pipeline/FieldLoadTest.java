package io.parkwatch.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.bench.BrokerKind;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.hj212.Hj212Format;
import io.parkwatch.ingest.hj212.Hj212Settings;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.json.JsonPointFormat;
import io.parkwatch.ingest.jt808.Jt808Format;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.topic.TopicParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's loss accounting rests on two properties of its load, checked here with the
 * gateway's own decoders: every reading the gateway makes has its own bit in the id tally, and
 * its own InfluxDB point (series and time).
 */
class FieldLoadTest {

    private static final long NOW = 1_795_940_000_000L;

    private final FieldLoad load = new FieldLoad(3, 4, 2_000);
    private final RegistryView registry = RegistryView.of(load.registry().points());

    @Test
    void everyReadingTheGatewayMakesHasItsOwnTallyBitAndItsOwnInfluxPoint() throws Exception {
        Set<String> bits = new HashSet<>();
        Set<String> points = new HashSet<>();
        int readings = 0;
        List<MessageSource> sources = List.of(load.json(0), load.json(2), load.hj212(1), load.jt808(0), load.jt808(1));
        List<PayloadFormat> formats = List.of(new JsonPointFormat(registry), new JsonPointFormat(registry),
            new Hj212Format(registry, GatewaySettings.DEFAULTS.units(), Hj212Settings.DEFAULTS),
            new Jt808Format(registry), new Jt808Format(registry));
        for (int s = 0; s < sources.size(); s++) {
            for (long k = 0; k < 3_000; k++) {
                // Two messages a millisecond: faster than any lane runs at 45,000 readings/s.
                MessageSource.Outgoing message = sources.get(s).next(k, NOW + k / 2);
                TopicAddress address = new TopicParser().parse(message.topic());
                DecodedPayload decoded = formats.get(s).decode(address, message.payload());
                assertThat(decoded.observations()).hasSize(message.readings());
                for (Observation o : decoded.observations()) {
                    long bit = load.key(FieldLoad.PARK, formats.get(s).sourceFormat().name(), o.messageId());
                    assertThat(bit).as(o.messageId()).isBetween(0L, (long) Integer.MAX_VALUE);
                    // The tally keeps a bit set per format.
                    assertThat(bits.add(formats.get(s).sourceFormat() + "#" + bit)).as("bit of %s", o.messageId())
                        .isTrue();
                    assertThat(points.add(decoded.point().enterprise() + "/" + decoded.point().id() + "|" + o.metric() + "|"
                        + o.observedAt()))
                        .as("InfluxDB point of %s", o.messageId()).isTrue();
                    readings++;
                }
            }
        }
        assertThat(bits).hasSize(readings);
    }

    @Test
    void aGasDetectorsTenthMessageExceedsAndItsNextDoesNot() {
        JsonSource json = load.json(0);
        long exceeding = 0;
        for (long k = 0; k < 50_000; k++) {
            if (json.next(k, NOW).exceeds()) {
                exceeding++;
            }
        }
        assertThat(exceeding).isEqualTo(50_000 / JsonSource.GAS_EVERY / JsonSource.EXCEED_EVERY);
    }

    @Test
    void settingsRefuseFallingRatesAndNameTheOption() {
        assertThatThrownBy(() -> new PipelineSettings(List.of(5000, 2000), Duration.ofSeconds(30), Duration.ZERO, false,
            Duration.ofSeconds(30), BrokerKind.MOSQUITTO, 4, 4, 0, Path.of("out"), false, true))
            .hasMessageContaining("--rates");
        assertThatThrownBy(() -> new PipelineSettings(List.of(2000), Duration.ofSeconds(30), Duration.ZERO, false,
            Duration.ofSeconds(30), BrokerKind.MOSQUITTO, 4, 9, 0, Path.of("out"), false, true))
            .hasMessageContaining("--readings-per-message");
        assertThatThrownBy(() -> PipelineSettings.duration("30x", "--step")).hasMessageContaining("--step");
    }
}
