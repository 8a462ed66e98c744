package io.parkwatch.infra.mqtt;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA512 password hash in exactly the shape of Mosquitto's {@code $7$}
 * password-file entries (12-byte salt, 64-byte hash, both standard Base64).
 *
 * <p>One hash serves both brokers: the embedded broker verifies it in the JVM and Mosquitto reads
 * it from the rendered password file, so no clear-text password has to be kept after an account
 * is built. Salt and hash are held as Base64 strings so that the record stays immutable.
 */
public record PasswordHash(int iterations, String salt, String hash) {

    /**
     * Iterations for new hashes. Mosquitto verifies on its single event-loop thread at every
     * CONNECT, so this trades offline-guessing cost against connect latency; 20,000 costs a few
     * milliseconds per connect. Mosquitto's own {@code mosquitto_passwd} 2.0.11 uses only 101.
     */
    public static final int DEFAULT_ITERATIONS = 20_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final int SALT_BYTES = 12;
    private static final int HASH_BYTES = 64;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final Pattern MOSQUITTO =
        Pattern.compile("\\$7\\$(\\d{1,8})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        if (decode(salt, "salt").length < 8) {
            throw new IllegalArgumentException("salt shorter than 8 bytes");
        }
        if (decode(hash, "hash").length != HASH_BYTES) {
            throw new IllegalArgumentException("hash must be " + HASH_BYTES + " bytes");
        }
    }

    /** Hashes {@code password} with a fresh random salt; the caller wipes its array afterwards. */
    public static PasswordHash derive(char[] password, int iterations) {
        if (password.length == 0) {
            throw new IllegalArgumentException("empty password");
        }
        byte[] saltBytes = new byte[SALT_BYTES];
        RANDOM.nextBytes(saltBytes);
        byte[] derived = pbkdf2(password, saltBytes, iterations);
        try {
            return new PasswordHash(iterations, encode(saltBytes), encode(derived));
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** Parses the hash part of a Mosquitto password-file line: {@code $7$iterations$salt$hash}. */
    public static PasswordHash parseMosquitto(String text) {
        Matcher m = MOSQUITTO.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a mosquitto $7$ (PBKDF2-SHA512) hash");
        }
        return new PasswordHash(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
    }

    /** The hash as Mosquitto writes it after {@code username:} in its password file. */
    public String toMosquitto() {
        return "$7$" + iterations + "$" + salt + "$" + hash;
    }

    /**
     * Whether {@code password} (UTF-8 bytes, as an MQTT CONNECT carries it) matches. Comparison
     * is constant-time; bytes that are not valid UTF-8 never match.
     */
    public boolean verify(byte[] password) {
        if (password == null) {
            return false;
        }
        char[] chars = decodeUtf8(password);
        if (chars.length == 0) {
            return false;
        }
        byte[] derived = pbkdf2(chars, decode(salt, "salt"), iterations);
        byte[] expected = decode(hash, "hash");
        try {
            return MessageDigest.isEqual(derived, expected);
        } finally {
            Arrays.fill(chars, '\0');
            Arrays.fill(derived, (byte) 0);
        }
    }

    @Override
    public String toString() {
        // Keeps hashes out of logs: they are an offline-guessing target.
        return "PasswordHash[PBKDF2-HMAC-SHA512, iterations=" + iterations + "]";
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            // SunJCE encodes the chars as UTF-8, as Mosquitto hashes the raw password bytes.
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static char[] decodeUtf8(byte[] bytes) {
        try {
            CharBuffer buffer = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
            char[] chars = new char[buffer.remaining()];
            buffer.get(chars);
            Arrays.fill(buffer.array(), '\0');
            return chars;
        } catch (CharacterCodingException e) {
            return new char[0];
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(what + " is not Base64", e);
        }
    }
}
