package io.parkwatch.infra.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A certificate with its private key and the certificate of its issuer.
 *
 * @param certificate the certificate
 * @param key its private key
 * @param issuer the CA certificate that signed it (itself for a root)
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey key, X509Certificate issuer) {

    /** The common name of the subject, e.g. {@code xilinhot.e001}. */
    public String commonName() {
        return Pem.commonName(certificate);
    }

    /** Names the certificate, never the key (records print every component). */
    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + ", issued by "
            + issuer.getSubjectX500Principal().getName() + "]";
    }

    /**
     * Writes the certificate and the key as PEM files; the key file is readable by its owner only
     * (mode 600), as Mosquitto and a careful operator expect of private keys.
     */
    public void writePem(Path certificateFile, Path keyFile) throws IOException {
        Pem.writeCertificates(certificateFile, certificate);
        Pem.writePrivateKey(keyFile, key);
    }
}
