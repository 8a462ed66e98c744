package io.parkwatch.cli.command;

import static io.parkwatch.cli.command.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code parkwatch ingest} needs somewhere to take readings from: an MQTT broker, a TCP listener, or both. */
class IngestSourcesTest {

    @Test
    void aGatewayWithNeitherMqttNorATcpListenerIsRefusedNamingTheOptions() {
        assertThat(refusal("ingest", "--kafka", "127.0.0.1:1"))
            .contains("--mqtt is required unless --hj212-port or --jt808-port is given");
    }

    @Test
    void aTcpOnlyGatewayGetsPastTheSourceCheckToItsOwnOptions() {
        // No --mqtt: the check that follows is the HJ 212 listener's own, so the source check passed.
        assertThat(refusal("ingest", "--kafka", "127.0.0.1:1", "--hj212-port", "0"))
            .doesNotContain("--mqtt is required").contains("--hj212-port needs --hj212-credentials");
    }
}
