package io.parkwatch.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code parkwatch ingest} needs somewhere to take readings from: an MQTT broker, a TCP listener, or both. */
class IngestSourcesTest {

    private static String refusal(String... args) {
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute(args)).as("exit code").isEqualTo(2);
        return err.toString();
    }

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
