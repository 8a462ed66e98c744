package io.parkwatch.infra.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * PEM, the format operators hand to Mosquitto, Kafka and nginx: certificates ({@code CERTIFICATE}) and
 * unencrypted PKCS#8 private keys ({@code PRIVATE KEY}). Reading names the file and what is wrong with it.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
        "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
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
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(file, "CERTIFICATE")) {
                Certificate certificate = factory.generateCertificate(new ByteArrayInputStream(der));
                certificates.add((X509Certificate) certificate);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not a readable X.509 certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IOException(file + ": no '-----BEGIN CERTIFICATE-----' block");
        }
        return certificates;
    }

    /** The one unencrypted PKCS#8 private key (EC or RSA) in a PEM file. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        List<byte[]> keys = blocks(file, "PRIVATE KEY");
        if (keys.size() != 1) {
            throw new IOException(file + ": expected one '-----BEGIN PRIVATE KEY-----' block (unencrypted PKCS#8), found "
                + keys.size() + (Files.readString(file, StandardCharsets.US_ASCII).contains("ENCRYPTED")
                    ? "; the key is encrypted: decrypt it with 'openssl pkcs8 -topk8 -nocrypt'" : ""));
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(keys.get(0));
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException(file + ": the private key is neither EC nor RSA");
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

    private static List<byte[]> blocks(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<byte[]> found = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                try {
                    found.add(Base64.getMimeDecoder().decode(matcher.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": a " + type + " block is not valid base64", e);
                }
            }
        }
        return found;
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
