package io.parkwatch.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.influxdb.client.domain.WritePrecision;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.format.Observation;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.hj212.Hj212Format;
import io.parkwatch.ingest.hj212.Hj212Settings;
import io.parkwatch.ingest.json.JsonPointFormat;
import io.parkwatch.ingest.jt808.Jt808Format;
import io.parkwatch.ingest.topic.TopicParser;
import io.parkwatch.sink.PointMapping;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bridge writes each decoded observation as exactly the line the sink writes for the same
 * reading, so that influxd gets the same series and points from the bridge as from parkwatch.
 */
class BridgeLinesTest {

    private static final long NOW = 1_795_940_000_000L;

    private final FieldLoad load = new FieldLoad(2, 4, 2_000);
    private final RegistryView registry = RegistryView.of(load.registry().points());

    @Test
    void everyObservationOfTheLoadBecomesTheSinksLineForItsReading() throws Exception {
        List<MessageSource> sources = List.of(load.json(0), load.hj212(1), load.jt808(0));
        List<PayloadFormat> formats = List.of(new JsonPointFormat(registry),
            new Hj212Format(registry, GatewaySettings.DEFAULTS.units(), Hj212Settings.DEFAULTS), new Jt808Format(registry));
        int lines = 0;
        for (int s = 0; s < sources.size(); s++) {
            for (long k = 0; k < 50; k++) {
                MessageSource.Outgoing message = sources.get(s).next(k, NOW + k);
                DecodedPayload decoded = formats.get(s).decode(new TopicParser().parse(message.topic()),
                    message.payload());
                for (Observation o : decoded.observations()) {
                    assertThat(bridgeLine(decoded.point(), o)).isEqualTo(sinkLine(decoded.point(), o,
                        formats.get(s).sourceFormat()));
                    lines++;
                }
            }
        }
        assertThat(lines).as("JSON, HJ 212 and JT/T 808 lines compared").isEqualTo(50 * (4 + 4 + 2));
    }

    @Test
    void namesAndValuesThatNeedEscapingOrAnExponentAreWrittenAsTheSinkWritesThem() {
        PointEntry point = load.registry().points().get(0);
        Instant at = Instant.ofEpochMilli(NOW).plusNanos(123);
        for (Observation o : List.of(
                Observation.value("id \"quoted\" \\ back", "metric with space,comma=equals", 1.0E-5, "mg/m3", at,
                    Quality.N),
                Observation.value("big", "flow", 1.5E20, "", at, Quality.D),
                Observation.value("whole", "flow", -42.0, "m3/h", at, Quality.N),
                Observation.value("fraction", "flow", 0.1 + 0.2, "m3/h", at, Quality.N))) {
            assertThat(bridgeLine(point, o)).isEqualTo(sinkLine(point, o, SourceFormat.JSON));
        }
    }

    private static String bridgeLine(PointEntry point, Observation o) {
        StringBuilder line = new StringBuilder();
        BridgeLines.append(line, point, o);
        return line.toString();
    }

    /** The reading as the gateway makes it, written as the sink writes it. */
    private static String sinkLine(PointEntry point, Observation o, SourceFormat format) {
        Reading reading = new Reading(o.messageId(), point.park(), point.enterprise(), point.id(),
            point.module().domain(), o.metric(), o.value(), o.position(), o.unit(), o.observedAt(),
            o.observedAt(), o.quality(), format);
        return PointMapping.reading(reading).toLineProtocol(null, WritePrecision.NS);
    }
}
