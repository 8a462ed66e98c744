package io.parkwatch.infra.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.infra.tls.CertificateAuthority;
import io.parkwatch.infra.tls.Pem;
import io.parkwatch.transport.tls.TlsMaterial;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttTlsListenerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void readsTheServersCertificateAndTrustsTheClientCa() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(1), CLOCK);
        ca.issueServer("mqtt", List.of("localhost"), List.of()).writePem(dir.resolve("s.pem"), dir.resolve("s.key"));
        Pem.writeCertificates(dir.resolve("ca.pem"), ca.certificate());

        TlsMaterial material = new MqttTlsListener(8883, dir.resolve("s.pem"), dir.resolve("s.key"),
            dir.resolve("ca.pem")).read();

        assertThat(material.presentsCertificate()).isTrue();
        assertThat(material.trusted()).containsExactly(ca.certificate());
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        Path missing = dir.resolve("server.pem");

        assertThatThrownBy(() -> new MqttTlsListener(8883, missing, dir.resolve("server.key"), null).read())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("MQTT TLS listener: " + missing + ": no such file");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new MqttTlsListener(70_000, dir.resolve("a"), dir.resolve("b"), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    }
}
