package io.parkwatch.infra.influx;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The last lines of a log file, for error messages that have to explain a failed start. */
final class LogTail {

    private static final int MAX_BYTES = 8 * 1024;

    private LogTail() {
    }

    static String of(Path log, int maxLines) {
        if (!Files.isRegularFile(log)) {
            return "(no log at " + log + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).strip().split("\n");
            int from = Math.max(0, lines.length - maxLines);
            String tail = String.join("\n", Arrays.copyOfRange(lines, from, lines.length)).strip();
            return tail.isEmpty() ? "(log " + log + " is empty)" : tail;
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }
}
