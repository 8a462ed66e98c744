package io.parkwatch.ingest.jt808.tcp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authentication codes the platform issues in its registration answers: an HMAC-SHA256 of the
 * terminal number under the platform's secret, 32 hex digits. Derived, not stored: a code issued
 * before a restart, or by another gateway instance with the same secret, still matches, and a
 * terminal's code cannot be guessed from another's. Changing the secret makes every terminal
 * register again (a terminal whose authentication fails does so by itself).
 */
public final class AuthenticationCodes {

    /** A secret shorter than this is refused at start-up. */
    public static final int MIN_SECRET_LENGTH = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int CODE_BYTES = 16;

    private final SecretKeySpec key;

    public AuthenticationCodes(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the JT/T 808 secret must have at least " + MIN_SECRET_LENGTH
                + " characters" + (secret == null ? "" : ", it has " + secret.length()));
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The code of this terminal, as sent in 0x8100. */
    public String issue(String terminalId) {
        return HexFormat.of().withUpperCase().formatHex(mac(terminalId), 0, CODE_BYTES);
    }

    /** Whether {@code code}, as the terminal sent it in 0x0102, is the one issued to it; constant time. */
    public boolean matches(String terminalId, byte[] code) {
        return MessageDigest.isEqual(issue(terminalId).getBytes(StandardCharsets.US_ASCII), code);
    }

    private byte[] mac(String terminalId) {
        try {
            // A Mac is not thread-safe and the event loop has several threads: one per call.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(terminalId.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
