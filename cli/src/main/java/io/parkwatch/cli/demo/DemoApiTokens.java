package io.parkwatch.cli.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The demo's data-API tokens ({@code var/demo/api-tokens.properties}, mode 600, never committed):
 * one operator, one bureau and one enterprise token, generated at the first run and kept.
 */
final class DemoApiTokens {

    private DemoApiTokens() {
    }

    /** Writes the file when it is missing; returns its path either way. */
    static Path ensure(Path file, String sampleEnterprise) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        SecureRandom random = new SecureRandom();
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write("# parkwatch demo API tokens (label=role[:enterprise]:token), generated locally; do not commit.\n");
            out.write("operator=operator:" + token(random) + "\n");
            out.write("bureau=bureau:" + token(random) + "\n");
            out.write(sampleEnterprise + "=enterprise:" + sampleEnterprise + ":" + token(random) + "\n");
        }
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static String token(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
