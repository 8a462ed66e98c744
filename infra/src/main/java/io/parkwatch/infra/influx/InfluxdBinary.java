package io.parkwatch.infra.influx;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the influxd executable: an explicit path, else PATH, else where Debian installs it. */
final class InfluxdBinary {

    static final Path DEBIAN_LOCATION = Path.of("/usr/bin/influxd");

    static final String INSTALL_HINT = "install it with the project's setup step "
        + "(sudo apt-get install influxdb) or pass the path of an influxd binary";

    private InfluxdBinary() {
    }

    static Path locate(Optional<Path> explicit) {
        return locate(explicit, System.getenv("PATH"), List.of(DEBIAN_LOCATION));
    }

    static Path locate(Optional<Path> explicit, String pathVariable, List<Path> fallbacks) {
        if (explicit.isPresent()) {
            Path binary = explicit.get();
            if (Files.isRegularFile(binary) && Files.isExecutable(binary)) {
                return binary;
            }
            throw new InfluxdStartException("influxd not found or not executable at " + binary + "; "
                + INSTALL_HINT);
        }
        List<Path> candidates = new ArrayList<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "influxd"));
                }
            }
        }
        candidates.addAll(fallbacks);
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new InfluxdStartException("influxd (InfluxDB 1.x server) not found on PATH or at "
            + fallbacks + "; " + INSTALL_HINT);
    }
}
