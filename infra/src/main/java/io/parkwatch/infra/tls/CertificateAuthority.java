package io.parkwatch.infra.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for the demo ({@code demo --tls}) and for tests: it issues server
 * certificates (with DNS and IP subject alternative names) and client certificates whose common name is a
 * login, such as {@code xilinhot.e001}. Keys are EC P-256: quick to generate and accepted by Java,
 * Mosquitto (OpenSSL) and Kafka's PEM key stores. Nothing it makes is meant to leave the machine.
 */
public final class CertificateAuthority {

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssuedCertificate root;
    private final Clock clock;
    private final Duration validity;

    private CertificateAuthority(IssuedCertificate root, Clock clock, Duration validity) {
        this.root = root;
        this.clock = clock;
        this.validity = validity;
    }

    /** A new self-signed root named {@code commonName}; it and what it issues are valid for {@code validity}. */
    public static CertificateAuthority create(String commonName, Duration validity, Clock clock) {
        requireName(commonName, "CA common name");
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("certificate validity must be positive, got " + validity);
        }
        KeyPair keys = newKeyPair();
        X500Name name = name(commonName);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name, name, keys, clock, validity)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys);
            return new CertificateAuthority(new IssuedCertificate(certificate, keys.getPrivate(), certificate),
                clock, validity);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not create the certificate authority " + commonName, e);
        }
    }

    /**
     * A root kept from an earlier run ({@link #root()} written with {@link IssuedCertificate#writePem}), so
     * that certificates issued now chain to the same CA file as those issued then.
     *
     * @throws IOException naming the file that is missing or unreadable
     */
    public static CertificateAuthority load(Path certificateFile, Path keyFile, Duration validity, Clock clock)
            throws IOException {
        X509Certificate certificate = Pem.readCertificates(certificateFile).get(0);
        PrivateKey key = Pem.readPrivateKey(keyFile);
        if (certificate.getBasicConstraints() < 0) {
            throw new IOException(certificateFile + ": not a CA certificate");
        }
        return new CertificateAuthority(new IssuedCertificate(certificate, key, certificate), clock, validity);
    }

    /** The root certificate: what clients and servers are given as their CA file. */
    public X509Certificate certificate() {
        return root.certificate();
    }

    /** The root as an issued certificate (its own issuer), for writing the CA key when it must be kept. */
    public IssuedCertificate root() {
        return root;
    }

    /**
     * A server certificate for TLS listeners: {@code dnsNames} and {@code ipAddresses} become subject
     * alternative names, which is what clients verify (the common name is only a label).
     */
    public IssuedCertificate issueServer(String commonName, List<String> dnsNames, List<String> ipAddresses) {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one DNS name or IP address");
        }
        return issue(commonName, KeyPurposeId.id_kp_serverAuth, new GeneralNames(names.toArray(GeneralName[]::new)));
    }

    /** A client certificate whose common name is the login it proves, e.g. {@code xilinhot.e001}. */
    public IssuedCertificate issueClient(String commonName) {
        return issue(commonName, KeyPurposeId.id_kp_clientAuth, null);
    }

    private IssuedCertificate issue(String commonName, KeyPurposeId purpose, GeneralNames alternativeNames) {
        requireName(commonName, "certificate common name");
        KeyPair keys = newKeyPair();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(
                    X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()),
                    name(commonName), keys, clock, validity)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                .addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(root.certificate()));
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            X509Certificate certificate = sign(builder, new KeyPair(root.certificate().getPublicKey(), root.key()));
            return new IssuedCertificate(certificate, keys.getPrivate(), root.certificate());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not issue a certificate for " + commonName, e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys,
                                                    Clock clock, Duration validity) {
        // A minute of back-dating tolerates a peer whose clock is slightly behind this one.
        Instant notBefore = clock.instant().minus(Duration.ofMinutes(1));
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
            Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("no signer for " + SIGNATURE, e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make EC P-256 keys", e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
