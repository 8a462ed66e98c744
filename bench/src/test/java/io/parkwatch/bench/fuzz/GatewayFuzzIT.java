package io.parkwatch.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttBroker;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttConfig;
import io.parkwatch.testkit.SharedServers;
import org.junit.jupiter.api.Test;

/**
 * {@code parkwatch bench fuzz}'s gateway half, small: 500 malformed messages per format through
 * the running gateway on the demo's broker (HiveMQ), each rejected with a reason or, where the
 * generator may have made a valid one, accepted; none lost; the gateway alive; the heap flat.
 */
class GatewayFuzzIT {

    private static final int PER_FORMAT = 500;
    /** Far above what 1,500 small messages can leave behind, far below a leak of their bytes per message. */
    private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;

    @Test
    void everyMalformedMessageIsRejectedWithAReasonAndTheGatewayStaysUp() throws Exception {
        FuzzPark park = new FuzzPark("fuzzit" + System.currentTimeMillis());
        try (MqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(
                SharedServers.directory("fuzz-hivemq"), new StaticAccessPolicy(park.accounts())))) {
            GatewayFuzzReport report = new GatewayFuzz(SharedServers.kafka().bootstrapServers(), broker.uri(), park)
                .run(PER_FORMAT, 20L);
            System.out.print(report.text());
            assertThat(report.lost()).as("neither rejected nor accepted").isZero();
            assertThat(report.acceptedByAccident()).as("accepted, though never valid").isEmpty();
            assertThat(report.unexpected()).as("rejections of the park matching nothing sent").isEmpty();
            assertThat(report.received()).as("received by the gateway").isEqualTo(report.sent());
            for (FuzzFormat format : FuzzFormat.values()) {
                assertThat(report.reasons(format)).as("%s reasons", format).hasSizeGreaterThan(3);
                assertThat(report.rejected(format)).as("%s rejected", format).isGreaterThan(PER_FORMAT * 8L / 10);
            }
            assertThat(report.live()).as("/health/live").isEqualTo(200);
            assertThat(report.ready()).as("/health/ready").isEqualTo(200);
            assertThat(report.heapAfter() - report.heapBefore()).as("heap growth").isLessThan(HEAP_GROWTH_BOUND);
        }
    }
}
