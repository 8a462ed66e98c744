package io.parkwatch.contracts.registry.file;

import io.parkwatch.contracts.duration.Durations;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.contracts.registry.Registry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a registry in the format {@link RegistryFileReader} reads: parks as blocks, then one
 * line per enterprise, point and vehicle, so that files diff line by line. Defaults (the
 * kind's module, required, {@code {park}.{id}} logins) are left out.
 */
public final class RegistryFileWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_./-]*");
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private RegistryFileWriter() {
    }

    public static void write(Registry registry, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(registry, out);
        }
    }

    public static String toText(Registry registry) {
        StringWriter out = new StringWriter();
        try {
            write(registry, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(Registry registry, Writer out) throws IOException {
        out.write("# parkwatch registry: what must report (format: docs/registry.md).\n");
        out.write("version: 1\n");
        out.write("parks:\n");
        for (ParkEntry park : registry.parks()) {
            out.write("  - id: " + scalar(park.id()) + "\n");
            out.write("    name: " + scalar(park.name()) + "\n");
            out.write("    timeZone: " + scalar(park.timeZone().getId()) + "\n");
            if (!park.fleetCredentials().equals(park.id() + "." + PointEntry.FLEET)) {
                out.write("    fleetCredentials: " + scalar(park.fleetCredentials()) + "\n");
            }
        }
        out.write("enterprises:\n");
        for (EnterpriseEntry enterprise : registry.enterprises()) {
            out.write("  - " + enterprise(enterprise) + "\n");
        }
        out.write("points:\n");
        for (PointEntry point : registry.points()) {
            if (!point.isVehicle()) {
                out.write("  - " + point(point) + "\n");
            }
        }
        out.write("vehicles:\n");
        for (PointEntry vehicle : registry.vehicles()) {
            out.write("  - " + vehicle(vehicle) + "\n");
        }
    }

    private static String enterprise(EnterpriseEntry enterprise) {
        List<String> fields = new ArrayList<>();
        fields.add("park: " + scalar(enterprise.park()));
        fields.add("id: " + scalar(enterprise.id()));
        fields.add("name: " + scalar(enterprise.name()));
        fields.add("status: " + WireNames.of(enterprise.status()));
        fields.add("classes: [" + String.join(", ", enterprise.classes().stream().sorted()
            .map(WireNames::of).toList()) + "]");
        if (!enterprise.credentials().equals(enterprise.park() + "." + enterprise.id())) {
            fields.add("credentials: " + scalar(enterprise.credentials()));
        }
        if (enterprise.location() != null) {
            fields.add("location: [" + enterprise.location().lat() + ", " + enterprise.location().lon() + "]");
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static String point(PointEntry point) {
        List<String> fields = new ArrayList<>();
        fields.add("park: " + scalar(point.park()));
        fields.add("enterprise: " + scalar(point.enterprise()));
        fields.add("id: " + scalar(point.id()));
        fields.add("kind: " + scalar(point.kind()));
        if (point.pointKind().map(PointKind::module).filter(point.module()::equals).isEmpty()) {
            fields.add("module: " + WireNames.of(point.module()));
        }
        fields.add("interval: " + Durations.format(point.expectedInterval()));
        if (point.hj212Mn() != null) {
            fields.add("mn: " + scalar(point.hj212Mn()));
        }
        if (!point.required()) {
            fields.add("required: false");
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static String vehicle(PointEntry vehicle) {
        List<String> fields = new ArrayList<>();
        fields.add("park: " + scalar(vehicle.park()));
        fields.add("id: " + scalar(vehicle.id()));
        fields.add("kind: " + scalar(vehicle.kind()));
        fields.add("interval: " + Durations.format(vehicle.expectedInterval()));
        fields.add("terminal: " + scalar(vehicle.jt808Terminal()));
        if (!vehicle.required()) {
            fields.add("required: false");
        }
        return "{" + String.join(", ", fields) + "}";
    }

    /** Plain when no YAML reader could take it for a number, a boolean or syntax; double-quoted otherwise. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
