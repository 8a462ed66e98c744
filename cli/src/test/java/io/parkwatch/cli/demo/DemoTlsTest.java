package io.parkwatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.infra.tls.Pem;
import io.parkwatch.transport.tls.TlsMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTlsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void makesTheCaTheServerCertificateAndOneClientCertificatePerLogin() throws Exception {
        DemoTls tls = DemoTls.ensure(dir, List.of("parkwatch-gateway", "xilinhot.e001"), CLOCK);

        X509Certificate ca = Pem.readCertificates(tls.ca()).get(0);
        X509Certificate server = Pem.readCertificates(tls.serverCert()).get(0);
        server.verify(ca.getPublicKey());
        assertThat(server.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
            .containsExactly("localhost", "127.0.0.1");
        TlsMaterial e001 = tls.client("xilinhot.e001");
        e001.chain().get(0).verify(ca.getPublicKey());
        assertThat(Pem.commonName(e001.chain().get(0))).isEqualTo("xilinhot.e001");
        assertThat(e001.trusted()).containsExactly(ca);
        assertThat(Files.exists(tls.clientCert("parkwatch-gateway"))).isTrue();
        for (Path key : List.of(tls.serverKey(), tls.clientKey("xilinhot.e001"), dir.resolve("ca.key"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
    }

    @Test
    void aLaterRunKeepsTheFilesAndIssuesOnlyForANewLogin() throws Exception {
        DemoTls first = DemoTls.ensure(dir, List.of("xilinhot.e001"), CLOCK);
        String ca = Files.readString(first.ca());
        String server = Files.readString(first.serverCert());
        String e001 = Files.readString(first.clientCert("xilinhot.e001"));

        DemoTls second = DemoTls.ensure(dir, List.of("xilinhot.e001", "xilinhot.e002"), CLOCK);

        assertThat(Files.readString(second.ca())).isEqualTo(ca);
        assertThat(Files.readString(second.serverCert())).isEqualTo(server);
        assertThat(Files.readString(second.clientCert("xilinhot.e001"))).isEqualTo(e001);
        X509Certificate e002 = Pem.readCertificates(second.clientCert("xilinhot.e002")).get(0);
        e002.verify(Pem.readCertificates(second.ca()).get(0).getPublicKey());
    }

    @Test
    void aMissingCaStartsOverSoThatEveryCertificateChainsToTheNewOne() throws Exception {
        DemoTls first = DemoTls.ensure(dir, List.of("xilinhot.e001"), CLOCK);
        String e001 = Files.readString(first.clientCert("xilinhot.e001"));
        Files.delete(first.ca());

        DemoTls second = DemoTls.ensure(dir, List.of("xilinhot.e001"), CLOCK);

        assertThat(Files.readString(second.clientCert("xilinhot.e001"))).isNotEqualTo(e001);
        Pem.readCertificates(second.serverCert()).get(0)
            .verify(Pem.readCertificates(second.ca()).get(0).getPublicKey());
    }
}
