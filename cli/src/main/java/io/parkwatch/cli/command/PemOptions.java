package io.parkwatch.cli.command;

import io.parkwatch.transport.tls.PemFiles;
import io.parkwatch.transport.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** PEM files given on the command line, read at start; a failure is one line naming the flag and the file. */
final class PemOptions {

    private PemOptions() {
    }

    static List<X509Certificate> certificates(Path file, String flag) {
        try {
            return PemFiles.readCertificates(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file, String flag) {
        try {
            return PemFiles.readPrivateKey(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    /**
     * A certificate with its key, trusting {@code trusted}: both flags given or neither (then null).
     *
     * @throws IllegalArgumentException naming the flag: one given without the other, a file unreadable, or a key
     *                                  that is not the certificate's
     */
    static TlsMaterial identity(List<X509Certificate> trusted, Path cert, String certFlag, Path key, String keyFlag) {
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException(certFlag + " and " + keyFlag + " go together: give both or neither");
        }
        if (cert == null) {
            return null;
        }
        List<X509Certificate> chain = certificates(cert, certFlag);
        PrivateKey privateKey = privateKey(key, keyFlag);
        try {
            return new TlsMaterial(trusted, chain, privateKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(keyFlag + " " + key + ": " + e.getMessage(), e);
        }
    }
}
