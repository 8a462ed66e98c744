package io.parkwatch.cli.command;

import static io.parkwatch.cli.command.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.infra.tls.CertificateAuthority;
import io.parkwatch.infra.tls.IssuedCertificate;
import io.parkwatch.infra.tls.Pem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT TLS flags of the gateway and the simulator are checked at start, each error naming its flag. */
class MqttTlsOptionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aCaWithAPlainUriIsRefusedNotSilentlyIgnored() {
        assertThat(refusal("ingest", "--kafka", "127.0.0.1:1", "--mqtt", "tcp://127.0.0.1:1883",
            "--mqtt-ca", "ca.pem")).contains("--mqtt-ca needs an ssl://host:8883 broker URI, got tcp://127.0.0.1:1883");
        assertThat(refusal("simulate", "--credentials", "c.properties", "--mqtt", "tcp://127.0.0.1:1883",
            "--mqtt-ca", "ca.pem")).contains("--mqtt-ca needs an ssl://host:8883 --mqtt URI");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() {
        assertThat(refusal("ingest", "--kafka", "127.0.0.1:1", "--mqtt", "ssl://127.0.0.1:8883",
            "--mqtt-cert", "gw.pem")).contains("--mqtt-cert and --mqtt-key go together");
    }

    @Test
    void anUnreadableCaFileIsOneLineNamingTheFlagAndTheFile() {
        Path missing = dir.resolve("missing.pem");

        String error = refusal("ingest", "--kafka", "127.0.0.1:1", "--mqtt", "ssl://127.0.0.1:8883",
            "--mqtt-ca", missing.toString());

        assertThat(error).contains("--mqtt-ca: " + missing + ": no such file");
        assertThat(error).doesNotContain("\tat ");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedNamingTheKeyFlag() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(30), CLOCK);
        IssuedCertificate gateway = ca.issueClient("parkwatch-gateway");
        IssuedCertificate other = ca.issueClient("xilinhot.e001");
        Pem.writeCertificates(dir.resolve("ca.pem"), ca.certificate());
        gateway.writePem(dir.resolve("gw.pem"), dir.resolve("gw.key"));
        other.writePem(dir.resolve("other.pem"), dir.resolve("other.key"));

        assertThat(refusal("ingest", "--kafka", "127.0.0.1:1", "--mqtt", "ssl://127.0.0.1:8883",
            "--mqtt-ca", dir.resolve("ca.pem").toString(), "--mqtt-cert", dir.resolve("gw.pem").toString(),
            "--mqtt-key", dir.resolve("other.key").toString()))
            .contains("--mqtt-key " + dir.resolve("other.key") + ": the private key does not belong to the certificate");
    }
}
