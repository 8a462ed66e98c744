package io.parkwatch.infra.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.transport.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transport's TLS material, with certificates of this module's CA. */
class TlsMaterialTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);
    private static final CertificateAuthority CA = CertificateAuthority.create("test CA", Duration.ofDays(30), CLOCK);

    @TempDir
    Path dir;

    @Test
    void readsTheCaAndAClientCertificateWithItsKeyFromPem() throws Exception {
        IssuedCertificate client = CA.issueClient("xilinhot.e001");
        client.writePem(dir.resolve("c.pem"), dir.resolve("c.key"));
        Pem.writeCertificates(dir.resolve("ca.pem"), CA.certificate());

        TlsMaterial material = TlsMaterial.fromPem(dir.resolve("ca.pem"), dir.resolve("c.pem"), dir.resolve("c.key"));

        assertThat(material.trusted()).containsExactly(CA.certificate());
        assertThat(material.chain()).containsExactly(client.certificate());
        assertThat(material.presentsCertificate()).isTrue();
        KeyStore store = material.keyStore("pw".toCharArray());
        assertThat(store.getCertificate("parkwatch")).isEqualTo(client.certificate());
        assertThat(material.sslContext().getProtocol()).isEqualTo("TLS");
        assertThat(material.toString()).isEqualTo("TlsMaterial[1 trusted CA(s), certificate CN=xilinhot.e001 with its key]");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedBeforeAnyHandshake() {
        IssuedCertificate one = CA.issueClient("one");
        IssuedCertificate other = CA.issueClient("other");

        assertThatThrownBy(() -> new TlsMaterial(List.of(), List.of(one.certificate()), other.key()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() {
        assertThatThrownBy(() -> new TlsMaterial(List.of(), List.of(CA.certificate()), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs its key");
    }

    @Test
    void aMissingOrWrongFileIsNamedInOneLine() throws Exception {
        Path missing = dir.resolve("nope.pem");
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "hello");

        assertThatThrownBy(() -> TlsMaterial.fromPem(missing, null, null)).isInstanceOf(IOException.class)
            .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> TlsMaterial.fromPem(notPem, null, null)).isInstanceOf(IOException.class)
            .hasMessage(notPem + ": no '-----BEGIN CERTIFICATE-----' block");
    }
}
