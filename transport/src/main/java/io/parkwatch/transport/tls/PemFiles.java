package io.parkwatch.transport.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

/**
 * Reads PEM files, the format operators hand to Mosquitto, Kafka and nginx: certificates
 * ({@code CERTIFICATE}) and unencrypted PKCS#8 private keys ({@code PRIVATE KEY}). Every failure is an
 * {@link IOException} whose message names the file and what is wrong with it, fit for one line of output.
 */
public final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
        "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemFiles() {
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
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            String hint = text.contains("ENCRYPTED") ? "; the key is encrypted: decrypt it with "
                + "'openssl pkcs8 -topk8 -nocrypt'"
                : text.contains("EC PRIVATE KEY") || text.contains("RSA PRIVATE KEY")
                    ? "; convert it with 'openssl pkcs8 -topk8 -nocrypt'" : "";
            throw new IOException(file + ": expected one '-----BEGIN PRIVATE KEY-----' block (unencrypted PKCS#8), "
                + "found " + keys.size() + hint);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(keys.get(0));
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException ignored) {
                // try the next algorithm
            }
        }
        throw new IOException(file + ": the private key is neither EC nor RSA");
    }

    private static List<byte[]> blocks(Path file, String type) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read it: " + e, e);
        }
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
}
