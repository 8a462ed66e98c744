package io.parkwatch.transport.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The check on a file an operator gives that holds secrets (passwords, SASL JAAS lines): it must
 * be readable by its owner only, as the files parkwatch writes itself are ({@code rw-------}).
 * Refusing at start is cheaper than a password that leaked through a {@code 0644} file.
 */
public final class SecretFile {

    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretFile() {
    }

    /**
     * @param option the command-line option that named the file, for the error
     * @throws IllegalArgumentException naming the option, the file and its mode when group or
     *     others have any access, or when the file is missing or unreadable
     */
    public static void requireOwnerOnly(Path file, String option) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(option + ": " + file + " is not a readable file");
        }
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            // No POSIX modes on this file system (Windows): its ACLs are the operator's to set.
            return;
        }
        if (mode.stream().anyMatch(NOT_OWNER::contains)) {
            throw new IllegalArgumentException(option + ": " + file + " holds secrets but is "
                + PosixFilePermissions.toString(mode) + "; make it readable by its owner only (chmod 600 " + file + ")");
        }
    }
}
