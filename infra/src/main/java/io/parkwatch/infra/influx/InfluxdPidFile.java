package io.parkwatch.infra.influx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Records which influxd owns a data directory. Two influxd processes on one directory corrupt
 * it, and an influxd left behind by a killed JVM would otherwise go unnoticed.
 */
final class InfluxdPidFile {

    static final String NAME = "influxd.pid";

    private final Path file;

    InfluxdPidFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    /** Fails when a live influxd recorded here still runs; a stale record is ignored. */
    void requireNoLiveOwner() {
        Optional<ProcessHandle> owner = readPid().flatMap(ProcessHandle::of)
            .filter(ProcessHandle::isAlive)
            .filter(handle -> handle.info().command().map(c -> c.endsWith("influxd")).orElse(true));
        if (owner.isPresent()) {
            long pid = owner.get().pid();
            throw new InfluxdStartException("data directory " + file.getParent() + " is in use by influxd pid "
                + pid + " (left over from an earlier run that did not shut down?); stop it with 'kill " + pid
                + "' or choose another data directory");
        }
    }

    void write(long pid) {
        try {
            Files.writeString(file, pid + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A stale pid file is harmless: the next start checks whether that process lives.
        }
    }

    private Optional<Long> readPid() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
