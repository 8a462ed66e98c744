package io.parkwatch.cli.command;

import io.parkwatch.transport.mqtt.MqttSockets;
import io.parkwatch.transport.tls.TlsMaterial;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import picocli.CommandLine.Option;

/** MQTT over TLS for a client of the broker: the CA it trusts and, for a certificate login, its own certificate. */
public final class MqttTlsOptions {

    @Option(names = "--mqtt-ca", paramLabel = "FILE",
        description = "PEM file of the CA that signed the broker's certificate, for an ssl:// broker. Without it "
            + "the JVM's default trust store is used.")
    Path ca;

    @Option(names = "--mqtt-cert", paramLabel = "FILE",
        description = "PEM client certificate to log in with (its common name is the login); needs --mqtt-key.")
    Path cert;

    @Option(names = "--mqtt-key", paramLabel = "FILE",
        description = "Unencrypted PKCS#8 PEM key of --mqtt-cert.")
    Path key;

    /** Whether this client logs in with a certificate, so that a password is not needed. */
    boolean presentsCertificate() {
        return cert != null;
    }

    /**
     * The files read and checked, each failure naming its flag; null when none was given.
     *
     * @param uri the broker's URI ({@code --mqtt}); TLS files with a {@code tcp://} URI are a mistake
     */
    TlsMaterial material(String uri) {
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("--mqtt-cert and --mqtt-key go together: give both or neither");
        }
        if (ca == null && cert == null) {
            return null;
        }
        if (uri == null || !MqttSockets.isTls(uri)) {
            throw new IllegalArgumentException((ca != null ? "--mqtt-ca" : "--mqtt-cert")
                + " needs an ssl://host:8883 broker URI, got " + uri);
        }
        List<X509Certificate> trusted = ca == null ? List.of() : PemOptions.certificates(ca, "--mqtt-ca");
        TlsMaterial identity = PemOptions.identity(trusted, cert, "--mqtt-cert", key, "--mqtt-key");
        return identity != null ? identity : TlsMaterial.trusting(trusted);
    }
}
