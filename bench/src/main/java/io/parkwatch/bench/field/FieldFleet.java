package io.parkwatch.bench.field;

import io.parkwatch.contracts.credentials.CredentialKeys;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak's equipment in the registry: one park, its vehicles with terminal numbers
 * {@code 0138xxxxxxxx}, and one enterprise of loggers with MNs {@code 8813xxxxxxxxxx}, each with
 * its random password.
 */
record FieldFleet(List<String> terminals, Map<String, String> passwordsByMn) {

    static final String PARK = "fieldbench";
    private static final String ENTERPRISE = "loggers";

    static FieldFleet of(int terminals, int loggers) {
        List<String> numbers = new ArrayList<>(terminals);
        for (int i = 0; i < terminals; i++) {
            numbers.add(String.format("0138%08d", i));
        }
        SecureRandom random = new SecureRandom();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (int i = 0; i < loggers; i++) {
            byte[] secret = new byte[6];
            random.nextBytes(secret);
            passwords.put(String.format("8813%010d", i), HexFormat.of().formatHex(secret));
        }
        return new FieldFleet(List.copyOf(numbers), Collections.unmodifiableMap(passwords));
    }

    Registry registry() {
        List<PointEntry> points = new ArrayList<>();
        for (int i = 0; i < terminals.size(); i++) {
            points.add(new PointEntry(PARK, PointEntry.FLEET, "v" + i, Module.LOGISTICS, "park-vehicle",
                Duration.ofSeconds(30), null, terminals.get(i)));
        }
        int i = 0;
        for (String mn : passwordsByMn.keySet()) {
            points.add(new PointEntry(PARK, ENTERPRISE, "logger" + i++, Module.ENVIRONMENT, "env-monitor",
                Duration.ofSeconds(30), mn, null));
        }
        return new Registry(List.of(new ParkEntry(PARK, "Field equipment bench")),
            List.of(new EnterpriseEntry(PARK, ENTERPRISE, "Data loggers", EnumSet.of(EnterpriseClass.values()[0]))),
            points);
    }

    /** The gateway's {@code --hj212-credentials} file: {@code hj212.{MN}=password}, mode 600. */
    Path writeCredentials(Path dir) throws IOException {
        Path file = dir.resolve("hj212-credentials.properties");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> entry : passwordsByMn.entrySet()) {
                out.write(CredentialKeys.hj212(entry.getKey()) + "=" + entry.getValue() + "\n");
            }
        }
        return file;
    }
}
