package io.parkwatch.ingest.hj212.tcp;

import io.parkwatch.contracts.credentials.CredentialKeys;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The access password (PW) issued to each data logger, by MN, read from a properties file's
 * {@code hj212.{MN}=password} lines; other lines (MQTT logins, when the file is shared) are left
 * alone. Read once at start.
 */
public final class Hj212Passwords {

    /** What a packet's PW field can hold at all (the packet parser's field syntax). */
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** What a packet's MN and PW amount to. */
    public enum Verdict {
        MATCH,
        /** The file issues no password to this MN. */
        NONE_ISSUED,
        WRONG
    }

    private final Map<String, byte[]> byMn;

    private Hj212Passwords(Map<String, byte[]> byMn) {
        this.byMn = Map.copyOf(byMn);
    }

    /**
     * Reads the file; a missing file, an unusable password or a file without any {@code hj212.}
     * line fails with a message naming {@code option}.
     */
    public static Hj212Passwords load(Path file, String option) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(option + ": cannot read " + file);
        }
        Properties lines = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.load(in);
        }
        Map<String, String> passwords = new HashMap<>();
        for (String key : lines.stringPropertyNames()) {
            if (key.startsWith(CredentialKeys.HJ212_PREFIX)) {
                passwords.put(key.substring(CredentialKeys.HJ212_PREFIX.length()), lines.getProperty(key));
            }
        }
        if (passwords.isEmpty()) {
            throw new IllegalArgumentException(option + ": " + file + " has no " + CredentialKeys.HJ212_PREFIX + "{MN}=password line");
        }
        try {
            return of(passwords);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + file + ": " + e.getMessage(), e);
        }
    }

    /** Passwords by MN (tests, tools). */
    public static Hj212Passwords of(Map<String, String> passwords) {
        Map<String, byte[]> byMn = new HashMap<>();
        passwords.forEach((mn, password) -> {
            if (mn.isEmpty() || !PASSWORD.matcher(password).matches()) {
                throw new IllegalArgumentException("the password of " + CredentialKeys.HJ212_PREFIX + mn + " must be 1 to 64 of A-Z a-z "
                    + "0-9 _ . - (what a packet's PW field can carry)");
            }
            byMn.put(mn, password.getBytes(StandardCharsets.US_ASCII));
        });
        return new Hj212Passwords(byMn);
    }

    public Verdict verify(String mn, String password) {
        byte[] issued = byMn.get(mn);
        if (issued == null) {
            return Verdict.NONE_ISSUED;
        }
        // Constant time: the answer must not tell how much of a guess was right.
        byte[] given = password == null ? new byte[0] : password.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(issued, given) ? Verdict.MATCH : Verdict.WRONG;
    }

    public int size() {
        return byMn.size();
    }
}
