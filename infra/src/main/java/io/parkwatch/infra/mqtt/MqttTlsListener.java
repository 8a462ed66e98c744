package io.parkwatch.infra.mqtt;

import io.parkwatch.transport.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An MQTT-over-TLS listener beside the plain one, from PEM files.
 *
 * @param port         listener port (8883 by convention); 0 picks a free one
 * @param certFile     the server's certificate (then any intermediates), PEM
 * @param keyFile      its unencrypted PKCS#8 private key, PEM
 * @param clientCaFile the CA whose client certificates log in by their common name (mTLS); null for
 *                     none, leaving username and password as the only login
 */
public record MqttTlsListener(int port, Path certFile, Path keyFile, Path clientCaFile) {

    /** The CLI flag that chooses the TLS port; a taken port fails naming it. */
    public static final String PORT_FLAG = "--mqtt-tls-port";
    public static final int DEFAULT_PORT = 8883;

    public MqttTlsListener {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("TLS port out of range: " + port);
        }
    }

    /**
     * The files read and checked: the server's certificate and key, trusting the client CA (none without it).
     *
     * @throws IllegalArgumentException one line naming the file that is missing or unreadable, or a key that
     *                                  is not the certificate's
     */
    public TlsMaterial read() {
        try {
            return TlsMaterial.fromPem(clientCaFile, certFile, keyFile);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("MQTT TLS listener: " + e.getMessage(), e);
        }
    }

    public Optional<Path> clientCa() {
        return Optional.ofNullable(clientCaFile);
    }

    public MqttTlsListener withPort(int newPort) {
        return new MqttTlsListener(newPort, certFile, keyFile, clientCaFile);
    }
}
