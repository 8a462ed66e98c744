package io.parkwatch.console.access;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The API's bearer tokens, read from a properties file kept out of the repository (mode 600).
 * One line per token: {@code label=operator:SECRET}, {@code label=bureau:SECRET} or
 * {@code label=enterprise:ENTERPRISE_ID:SECRET}; a SECRET written {@code sha256:HEX} is stored
 * as the hash of the token only. Tokens are compared by their SHA-256 in constant time.
 */
public final class ApiTokens {

    private static final String HASHED = "sha256:";

    private record Entry(Caller caller, byte[] hash) {
    }

    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No tokens: every request to the data API is refused with 401. */
    public static ApiTokens none() {
        return new ApiTokens(List.of());
    }

    public static ApiTokens load(Path file) throws IOException {
        Properties lines = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.load(in);
        }
        List<Entry> entries = new ArrayList<>();
        for (String label : lines.stringPropertyNames()) {
            entries.add(entry(file, label, lines.getProperty(label).strip()));
        }
        return new ApiTokens(entries);
    }

    private static Entry entry(Path file, String label, String value) {
        String[] parts = value.split(":", -1);
        Role role;
        try {
            role = Role.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(file, label, "role must be operator, bureau or enterprise, got \"" + parts[0] + "\"");
        }
        int secretAt = role == Role.ENTERPRISE ? 2 : 1;
        if (parts.length <= secretAt || (role == Role.ENTERPRISE && parts[1].isBlank())) {
            throw invalid(file, label, role == Role.ENTERPRISE ? "expected enterprise:ENTERPRISE_ID:SECRET"
                : "expected " + parts[0] + ":SECRET");
        }
        String prefix = parts[0] + ":" + (role == Role.ENTERPRISE ? parts[1] + ":" : "");
        String secret = value.substring(prefix.length());
        byte[] hash;
        if (secret.startsWith(HASHED)) {
            try {
                hash = HexFormat.of().parseHex(secret.substring(HASHED.length()));
            } catch (IllegalArgumentException e) {
                throw invalid(file, label, "sha256: must be followed by 64 hex digits");
            }
            if (hash.length != 32) {
                throw invalid(file, label, "sha256: must be followed by 64 hex digits");
            }
        } else if (secret.length() < 16) {
            throw invalid(file, label, "a token must have at least 16 characters");
        } else {
            hash = sha256(secret);
        }
        Optional<String> enterprise = role == Role.ENTERPRISE ? Optional.of(parts[1]) : Optional.empty();
        return new Entry(new Caller(label, role, enterprise), hash);
    }

    private static IllegalArgumentException invalid(Path file, String label, String why) {
        return new IllegalArgumentException("API token \"" + label + "\" in " + file + ": " + why);
    }

    /** The caller a presented token belongs to. */
    public Optional<Caller> caller(String token) {
        byte[] presented = sha256(token);
        Optional<Caller> found = Optional.empty();
        for (Entry entry : entries) {
            // Every entry is compared, so the time taken says nothing about which one matched.
            if (MessageDigest.isEqual(entry.hash, presented) && found.isEmpty()) {
                found = Optional.of(entry.caller);
            }
        }
        return found;
    }

    /** The caller of an {@code Authorization: Bearer …} header value. */
    public Optional<Caller> fromHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return caller(authorization.substring(7).strip());
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
