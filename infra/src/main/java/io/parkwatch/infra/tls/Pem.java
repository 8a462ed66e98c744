package io.parkwatch.infra.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import io.parkwatch.transport.tls.PemFiles;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * PEM, the format operators hand to Mosquitto, Kafka and nginx: certificates ({@code CERTIFICATE}) and
 * unencrypted PKCS#8 private keys ({@code PRIVATE KEY}). Reading is transport's {@link PemFiles}, shared with
 * the services; it names the file and what is wrong with it.
 */
public final class Pem {

    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static String certificate(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encode a certificate", e);
        }
    }

    public static String privateKey(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    public static void writeCertificates(Path file, X509Certificate... certificates) throws IOException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append(certificate(certificate));
        }
        createParent(file);
        Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
    }

    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        createParent(file);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, privateKey(key), StandardCharsets.US_ASCII);
    }

    /** Every certificate in a PEM file, in order (a chain starts with the leaf). */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        return PemFiles.readCertificates(file);
    }

    /** The one unencrypted PKCS#8 private key (EC or RSA) in a PEM file. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        return PemFiles.readPrivateKey(file);
    }

    /** The CN of a certificate's subject, or an empty string when it has none. */
    public static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
            return "";
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("unreadable certificate subject "
                + certificate.getSubjectX500Principal(), e);
        }
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + MIME.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
