package io.parkwatch.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.format.DecodedPayload;
import io.parkwatch.ingest.gateway.GatewaySettings;
import io.parkwatch.ingest.format.PayloadFormat;
import io.parkwatch.ingest.hj212.Hj212Format;
import io.parkwatch.ingest.hj212.Hj212Settings;
import io.parkwatch.ingest.format.RejectedInputException;
import io.parkwatch.ingest.json.JsonPointFormat;
import io.parkwatch.ingest.jt808.Jt808Format;
import io.parkwatch.ingest.format.PayloadKind;
import io.parkwatch.ingest.format.TopicAddress;
import io.parkwatch.ingest.topic.TopicParser;
import io.parkwatch.ingest.validate.ObservationValidator;
import io.parkwatch.simulator.fault.FaultSpec;
import io.parkwatch.simulator.park.SampleParks;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.simulator.scenario.Outgoing;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.ScenarioSettings;
import io.parkwatch.simulator.wire.Hj212Encoder;
import io.parkwatch.simulator.wire.Jt808Encoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulator's encodings are what the gateway's decoders read: every message of a faulty
 * simulation of all parks either decodes and validates into as many readings as the simulator
 * counted, or is refused with exactly the reason the ground truth expects.
 */
class SimulatorWireCompatibilityTest {

    private static final Instant START = Instant.parse("2026-11-23T02:00:00Z");
    private static final Registry REGISTRY = SampleRegistry.generate(2025);
    private static final RegistryView DIRECTORY = RegistryView.of(REGISTRY.points());
    private static final Map<PayloadKind, PayloadFormat> FORMATS = Map.of(
        PayloadKind.JSON, new JsonPointFormat(DIRECTORY),
        PayloadKind.HJ212, new Hj212Format(DIRECTORY, GatewaySettings.DEFAULTS.units(), Hj212Settings.DEFAULTS),
        PayloadKind.JT808, new Jt808Format(DIRECTORY));

    private final ObservationValidator validator = new ObservationValidator(
        Clock.fixed(START.plus(Duration.ofMinutes(20)), ZoneOffset.UTC), GatewaySettings.DEFAULTS.maxClockSkew(),
        GatewaySettings.DEFAULTS.horizon(), GatewaySettings.DEFAULTS.units());

    @Test
    void everySimulatedMessageDecodesOrIsRefusedWithTheExpectedReason() throws Exception {
        Scenario scenario = Scenario.of(REGISTRY, SampleParks.all(REGISTRY, 60, 2025), new ScenarioSettings(2025,
            START, 4, FaultSpec.parse("skew=0.1,spike=0.02,malformed=0.02,bad-crc=0.03,duplicate=0.02,"
                + "out-of-order=0.02,late=0.02,leak=0.01,exceedance=0.5,coverage-loss=0.05")));
        Map<SourceFormat, Integer> accepted = new EnumMap<>(SourceFormat.class);
        Map<RejectReason, Integer> refused = new EnumMap<>(RejectReason.class);
        Optional<Outgoing> next;
        while ((next = scenario.next(START.plus(Duration.ofMinutes(15)))).isPresent()) {
            Outgoing message = next.get();
            TopicAddress address = new TopicParser().parse(message.topic());
            try {
                DecodedPayload decoded = FORMATS.get(address.kind()).decode(address, message.payload());
                validator.validate(decoded.observations());
                assertThat(message.expectedReject()).as("accepted %s", text(message)).isEmpty();
                assertThat(decoded.observations()).as(text(message)).hasSize(message.report().readings());
                assertThat(decoded.point().pointKey()).isEqualTo(message.report().point().pointKey());
                accepted.merge(message.report().format(), 1, Integer::sum);
            } catch (RejectedInputException e) {
                if (message.expectedReject().isEmpty()) {
                    fail("refused " + e.reason() + " (" + e.detail() + "): " + text(message));
                }
                assertThat(e.reason()).as(text(message)).isEqualTo(message.expectedReject().get());
                refused.merge(e.reason(), 1, Integer::sum);
            }
        }
        assertThat(accepted).containsKeys(SourceFormat.JSON, SourceFormat.HJ212, SourceFormat.JT808);
        assertThat(refused).containsKeys(RejectReason.MALFORMED_JSON, RejectReason.HJ212_MALFORMED,
            RejectReason.HJ212_BAD_CRC, RejectReason.JT808_MALFORMED, RejectReason.JT808_BAD_CHECK_CODE);
        Map<String, Long> expected = scenario.truth().expectedRejects();
        refused.forEach((reason, count) -> assertThat(expected.get(reason.name())).isEqualTo(count.longValue()));
    }

    @Test
    void aBadCrcIsRefusedForItsCrc() {
        byte[] packet = Hj212Encoder.packet("2011", REGISTRY.points().stream().filter(p -> p.hj212Mn() != null)
            .findFirst().orElseThrow().hj212Mn(), START, START, "a21026-Rtd=16.2,a21026-Flag=N");
        assertThatThrownBy(() -> io.parkwatch.ingest.hj212.Hj212PacketParser.parse(Hj212Encoder.withBadCrc(packet)))
            .isInstanceOfSatisfying(RejectedInputException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectReason.HJ212_BAD_CRC));
        byte[] body = Jt808Encoder.locationBody(new Jt808Encoder.Fix(39.4, 106.9, 1100, 30, 90, 0, 12.5, START));
        assertThatThrownBy(() -> io.parkwatch.ingest.jt808.Jt808FrameDecoder.decode(
                Jt808Encoder.frameWithBadCheckCode(0x0200, "013900000001", 7, body)))
            .isInstanceOfSatisfying(RejectedInputException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectReason.JT808_BAD_CHECK_CODE));
    }

    private static String text(Outgoing message) {
        byte[] payload = message.payload();
        return message.topic() + " " + (message.report().format() == SourceFormat.JT808
            ? java.util.HexFormat.of().formatHex(payload) : new String(payload, StandardCharsets.US_ASCII));
    }
}
