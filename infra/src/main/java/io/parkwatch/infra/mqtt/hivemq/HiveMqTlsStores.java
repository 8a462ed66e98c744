package io.parkwatch.infra.mqtt.hivemq;

import io.parkwatch.infra.mqtt.MqttTlsListener;
import io.parkwatch.transport.tls.TlsMaterial;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * HiveMQ CE reads TLS material only from key store files, so the PEM files of an {@link MqttTlsListener}
 * are converted at every start into PKCS#12 stores (mode 600) under a fresh random password that only the
 * generated config.xml, private to the broker's directory, holds.
 *
 * @param port       the TLS listener's port
 * @param keyStore   the server certificate and key
 * @param trustStore the client CA; null when client certificates are not asked for
 * @param password   of both stores and of the key
 */
record HiveMqTlsStores(int port, Path keyStore, Path trustStore, String password) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @throws IllegalArgumentException naming the PEM file that is missing or unreadable (see {@link MqttTlsListener#read})
     */
    static HiveMqTlsStores write(MqttTlsListener tls, Path conf, int port) {
        TlsMaterial server = tls.read();
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        try {
            Path keyStore = conf.resolve("tls-keystore.p12");
            store(server.keyStore(password.toCharArray()), keyStore, password);
            Path trustStore = null;
            if (!server.trusted().isEmpty()) {
                trustStore = conf.resolve("tls-truststore.p12");
                store(server.trustStore(), trustStore, password);
            }
            return new HiveMqTlsStores(port, keyStore, trustStore, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write HiveMQ's TLS key stores: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write HiveMQ's TLS key stores in " + conf, e);
        }
    }

    private static void store(KeyStore store, Path file, String password)
            throws IOException, GeneralSecurityException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }
}
