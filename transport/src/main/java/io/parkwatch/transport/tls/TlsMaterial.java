package io.parkwatch.transport.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What one end of a TLS connection trusts and presents, read from PEM files: the CA certificates that
 * may sign the peer's certificate (none: the JVM's default trust store), and optionally this end's own
 * certificate chain and key (a server's certificate, or a client's certificate for mTLS login).
 *
 * @param trusted CA certificates the peer's certificate must chain to; empty for the JVM's defaults
 * @param chain   this end's certificate first, then any intermediates; empty when it presents none
 * @param key     the private key of {@code chain.get(0)}; null exactly when {@code chain} is empty
 */
public record TlsMaterial(List<X509Certificate> trusted, List<X509Certificate> chain, PrivateKey key) {

    private static final String ALIAS = "parkwatch";

    public TlsMaterial {
        trusted = List.copyOf(trusted);
        chain = List.copyOf(chain);
        if (chain.isEmpty() != (key == null)) {
            throw new IllegalArgumentException("a certificate needs its key and a key its certificate");
        }
        if (key != null && !keyMatches(key, chain.get(0))) {
            throw new IllegalArgumentException("the private key does not belong to the certificate "
                + chain.get(0).getSubjectX500Principal().getName());
        }
    }

    /**
     * Reads the PEM files; {@code caFile}, and {@code certFile} with {@code keyFile}, may be null.
     *
     * @throws IOException naming the file that is missing or unreadable and why
     */
    public static TlsMaterial fromPem(Path caFile, Path certFile, Path keyFile) throws IOException {
        List<X509Certificate> trusted = caFile == null ? List.of() : PemFiles.readCertificates(caFile);
        List<X509Certificate> chain = certFile == null ? List.of() : PemFiles.readCertificates(certFile);
        PrivateKey key = keyFile == null ? null : PemFiles.readPrivateKey(keyFile);
        return new TlsMaterial(trusted, chain, key);
    }

    /** Trusting only {@code trusted} (or the JVM's defaults), presenting nothing. */
    public static TlsMaterial trusting(List<X509Certificate> trusted) {
        return new TlsMaterial(trusted, List.of(), null);
    }

    public boolean presentsCertificate() {
        return key != null;
    }

    /** A TLS context: key managers for {@link #chain}, trust managers for {@link #trusted}. */
    public SSLContext sslContext() {
        try {
            KeyManagerFactory keys = null;
            if (key != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                // In memory only: the password guards nothing, PKCS#12 merely wants one.
                char[] password = ALIAS.toCharArray();
                keys.init(keyStore(password), password);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted.isEmpty() ? null : trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    /** A PKCS#12 key store holding {@link #chain} and {@link #key} under one alias, for servers that want a file. */
    public KeyStore keyStore(char[] password) throws GeneralSecurityException, IOException {
        if (key == null) {
            throw new IllegalStateException("no certificate and key to put in a key store");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
        return store;
    }

    /** A PKCS#12 trust store of {@link #trusted}. */
    public KeyStore trustStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < trusted.size(); i++) {
            store.setCertificateEntry("ca-" + i, trusted.get(i));
        }
        return store;
    }

    /** Names what is trusted and presented, never the key (records print every component). */
    @Override
    public String toString() {
        return "TlsMaterial[" + trusted.size() + " trusted CA(s), " + (chain.isEmpty() ? "no certificate"
            : "certificate " + chain.get(0).getSubjectX500Principal().getName() + " with its key") + "]";
    }

    /** A mismatched pair would only fail in the handshake, with a message naming neither file. */
    private static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
        try {
            byte[] probe = "parkwatch key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
