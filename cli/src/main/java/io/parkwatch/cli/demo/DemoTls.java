package io.parkwatch.cli.demo;

import io.parkwatch.infra.mqtt.MqttTlsListener;
import io.parkwatch.infra.tls.CertificateAuthority;
import io.parkwatch.infra.tls.Pem;
import io.parkwatch.transport.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The demo's TLS files under {@code var/demo/tls}: a CA ({@code ca.pem}, and {@code ca.key} so that a
 * later run can issue for a new login), the broker's {@code server.pem}/{@code server.key} for
 * {@code localhost} and {@code 127.0.0.1}, and {@code clients/{login}.pem}/{@code .key} per MQTT login,
 * whose common name is the login. Made once and kept: a run issues only what is missing, and starts
 * over from a new CA only when the CA is missing or about to expire. Keys are mode 600.
 */
public final class DemoTls {

    /** The demo CA's life, and that of what it issues. */
    static final Duration VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(1);

    private final Path dir;

    private DemoTls(Path dir) {
        this.dir = dir;
    }

    /** Makes whatever of the files is missing for {@code logins}; returns where they are. */
    public static DemoTls ensure(Path dir, List<String> logins, Clock clock) throws IOException {
        DemoTls tls = new DemoTls(dir);
        boolean fresh = !tls.caUsable(clock);
        CertificateAuthority ca = fresh
            ? CertificateAuthority.create("parkwatch demo CA", VALIDITY, clock)
            : CertificateAuthority.load(tls.ca(), tls.caKey(), VALIDITY, clock);
        if (fresh) {
            ca.root().writePem(tls.ca(), tls.caKey());
        }
        if (fresh || missing(tls.serverCert(), tls.serverKey())) {
            ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"))
                .writePem(tls.serverCert(), tls.serverKey());
        }
        for (String login : logins) {
            if (fresh || missing(tls.clientCert(login), tls.clientKey(login))) {
                ca.issueClient(login).writePem(tls.clientCert(login), tls.clientKey(login));
            }
        }
        return tls;
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    Path caKey() {
        return dir.resolve("ca.key");
    }

    public Path serverCert() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path clients() {
        return dir.resolve("clients");
    }

    public Path clientCert(String login) {
        return clients().resolve(login + ".pem");
    }

    public Path clientKey(String login) {
        return clients().resolve(login + ".key");
    }

    /** The broker's TLS listener: this server certificate, and client certificates of this CA as logins. */
    MqttTlsListener listener(int port) {
        return new MqttTlsListener(port, serverCert(), serverKey(), ca());
    }

    /** What {@code login}'s client presents and trusts. */
    TlsMaterial client(String login) throws IOException {
        return TlsMaterial.fromPem(ca(), clientCert(login), clientKey(login));
    }

    private boolean caUsable(Clock clock) throws IOException {
        if (missing(ca(), caKey())) {
            return false;
        }
        X509Certificate certificate = Pem.readCertificates(ca()).get(0);
        return certificate.getNotAfter().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE));
    }

    private static boolean missing(Path certificate, Path key) {
        return !Files.isRegularFile(certificate) || !Files.isRegularFile(key);
    }
}
