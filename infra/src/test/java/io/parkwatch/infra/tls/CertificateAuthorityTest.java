package io.parkwatch.infra.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);
    private static final CertificateAuthority CA =
        CertificateAuthority.create("parkwatch test CA", Duration.ofDays(30), CLOCK);

    @Test
    void serverCertificateIsSignedByTheCaAndNamesItsAddresses() throws Exception {
        IssuedCertificate server = CA.issueServer("mqtt", List.of("localhost"), List.of("127.0.0.1"));

        server.certificate().verify(CA.certificate().getPublicKey());
        assertThat(server.certificate().getSubjectAlternativeNames())
            .extracting(name -> (Object) name.get(1))
            .containsExactly("localhost", "127.0.0.1");
        assertThat(server.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(server.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(CA.certificate().getBasicConstraints()).isZero();
        assertThat(server.certificate().getNotAfter().toInstant())
            .isEqualTo(Instant.parse("2026-12-06T23:59:00Z").plus(Duration.ofDays(30)));
    }

    @Test
    void clientCertificateCarriesTheLoginAsCommonName() throws Exception {
        IssuedCertificate client = CA.issueClient("xilinhot.e001");

        client.certificate().verify(CA.certificate().getPublicKey());
        assertThat(client.commonName()).isEqualTo("xilinhot.e001");
        assertThat(client.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    }

    @Test
    void certificateOfAnotherCaDoesNotVerify() {
        CertificateAuthority other = CertificateAuthority.create("other CA", Duration.ofDays(1), CLOCK);
        X509Certificate foreign = other.issueClient("xilinhot.e001").certificate();

        assertThatThrownBy(() -> foreign.verify(CA.certificate().getPublicKey()))
            .isInstanceOf(SignatureException.class);
    }

    @Test
    void pemFilesRoundTripAndTheKeyIsOwnerOnly(@TempDir Path dir) throws Exception {
        IssuedCertificate client = CA.issueClient("xilinhot.e001");
        client.writePem(dir.resolve("client.pem"), dir.resolve("client.key"));

        assertThat(Pem.readCertificates(dir.resolve("client.pem"))).containsExactly(client.certificate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("client.key"))))
            .isEqualTo("rw-------");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(Pem.readPrivateKey(dir.resolve("client.key")));
        signer.update("reading".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(client.certificate());
        verifier.update("reading".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void unreadablePemFilesNameTheFileAndTheProblem(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate");
        Path encrypted = Files.writeString(dir.resolve("enc.key"),
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");

        assertThatThrownBy(() -> Pem.readCertificates(empty)).isInstanceOf(IOException.class)
            .hasMessageContaining("empty.pem").hasMessageContaining("no '-----BEGIN CERTIFICATE-----' block");
        assertThatThrownBy(() -> Pem.readPrivateKey(encrypted)).isInstanceOf(IOException.class)
            .hasMessageContaining("enc.key").hasMessageContaining("the key is encrypted");
    }

    @Test
    void serverCertificateWithoutAnyNameIsRefused() {
        assertThatThrownBy(() -> CA.issueServer("mqtt", List.of(), List.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one DNS name or IP");
    }
}
