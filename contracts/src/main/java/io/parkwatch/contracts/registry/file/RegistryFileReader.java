package io.parkwatch.contracts.registry.file;

import io.parkwatch.contracts.duration.Durations;
import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.EnterpriseStatus;
import io.parkwatch.contracts.registry.Location;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.yaml.YamlFields;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a registry file (format: docs/registry.md) and validates it completely before
 * anything is used: every problem is reported at once, each as {@code file:line: field: message},
 * e.g. {@code registry.yaml:42: points[3].interval: '5x' is not a duration (e.g. 30s, 15m, 1h)}.
 */
public final class RegistryFileReader {

    /** Ids become MQTT topic levels and login names ({@code park.enterprise}): no dots, slashes, wildcards. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern MN = Pattern.compile("[A-Za-z0-9]{1,24}");
    private static final Pattern TERMINAL = Pattern.compile("\\d{1,20}");

    private static final Set<String> TOP = Set.of("version", "parks", "enterprises", "points", "vehicles");
    private static final Set<String> PARK = Set.of("id", "name", "timeZone", "fleetCredentials");
    private static final Set<String> ENTERPRISE = Set.of("park", "id", "name", "status", "classes", "credentials",
        "location");
    private static final Set<String> POINT = Set.of("park", "enterprise", "id", "kind", "module", "interval", "mn",
        "required");
    private static final Set<String> VEHICLE = Set.of("park", "id", "kind", "interval", "terminal", "required");

    private final RegistryErrors errors;
    private final RegistryChecks checks;

    private RegistryFileReader(String file) {
        this.errors = new RegistryErrors(file);
        this.checks = new RegistryChecks(errors);
    }

    public static Registry read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), in);
        }
    }

    public static Registry read(String fileName, String text) {
        return read(fileName, new StringReader(text));
    }

    /** The registry in {@code in}; {@link InvalidRegistryException} lists every problem found. */
    public static Registry read(String fileName, Reader in) {
        return new RegistryFileReader(fileName).parse(in);
    }

    private Registry parse(Reader in) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(256 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(options).compose(in);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            errors.add(line, "", "not YAML: " + e.getProblem());
            errors.throwIfAny();
            throw new IllegalStateException("unreachable", e);
        }
        if (root == null) {
            errors.add(1, "", "the file is empty; expected parks, enterprises, points, vehicles");
            errors.throwIfAny();
        }
        YamlFields top = YamlFields.of(root, "", errors, TOP).orElse(null);
        if (top == null) {
            errors.throwIfAny();
        }
        top.text("version", false).filter(v -> !v.equals("1"))
            .ifPresent(v -> errors.add(top.nodeOf("version"), "version", "unsupported version '" + v + "' (1)"));
        List<ParkEntry> parks = new ArrayList<>();
        List<EnterpriseEntry> enterprises = new ArrayList<>();
        List<PointEntry> points = new ArrayList<>();
        each(top, "parks", PARK, (fields, node) -> park(fields).ifPresent(parks::add));
        each(top, "enterprises", ENTERPRISE, (fields, node) -> enterprise(fields).ifPresent(enterprises::add));
        each(top, "points", POINT, (fields, node) -> point(fields).ifPresent(points::add));
        each(top, "vehicles", VEHICLE, (fields, node) -> vehicle(fields).ifPresent(points::add));
        errors.throwIfAny();
        return new Registry(parks, enterprises, points);
    }

    private void each(YamlFields top, String section, Set<String> known, BiConsumer<YamlFields, Node> reader) {
        List<Node> items = top.list(section);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            YamlFields.of(item, section + "[" + i + "]", errors, known).ifPresent(fields -> reader.accept(fields, item));
        }
    }

    private Optional<ParkEntry> park(YamlFields fields) {
        Optional<String> id = id(fields, "id");
        String name = fields.text("name", false).orElse(null);
        ZoneId zone = fields.text("timeZone", false).flatMap(z -> zone(fields, z)).orElse(null);
        String fleet = login(fields, "fleetCredentials");
        return id.map(park -> checks.park(fields, new ParkEntry(park, name, zone, fleet)));
    }

    private Optional<EnterpriseEntry> enterprise(YamlFields fields) {
        Optional<String> park = id(fields, "park");
        Optional<String> id = id(fields, "id");
        id.filter(PointEntry.FLEET::equals).ifPresent(v -> errors.add(fields.nodeOf("id"), fields.field("id"),
            "'" + v + "' is reserved for the park's vehicles"));
        String name = fields.text("name", false).orElse(null);
        EnterpriseStatus status = fields.text("status", false)
            .flatMap(s -> known(fields.nodeOf("status"), fields.field("status"), EnterpriseStatus.class, s)).orElse(null);
        Set<EnterpriseClass> classes = EnumSet.noneOf(EnterpriseClass.class);
        List<Node> listed = fields.list("classes");
        for (int i = 0; i < listed.size(); i++) {
            String field = "classes[" + i + "]";
            if (listed.get(i) instanceof ScalarNode scalar) {
                known(scalar, fields.field(field), EnterpriseClass.class, scalar.getValue()).ifPresent(classes::add);
            } else {
                errors.add(listed.get(i), fields.field(field), "expected a class name");
            }
        }
        String credentials = login(fields, "credentials");
        Location location = location(fields);
        if (park.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(checks.enterprise(fields,
            new EnterpriseEntry(park.get(), id.get(), name, classes, status, credentials, location)));
    }

    /** {@code location: [latitude, longitude]}, optional. */
    private Location location(YamlFields fields) {
        List<Node> pair = fields.list("location");
        if (pair.isEmpty()) {
            return null;
        }
        if (pair.size() != 2 || !(pair.get(0) instanceof ScalarNode lat) || !(pair.get(1) instanceof ScalarNode lon)) {
            errors.add(fields.nodeOf("location"), fields.field("location"), "expected [latitude, longitude]");
            return null;
        }
        try {
            return new Location(Double.parseDouble(lat.getValue()), Double.parseDouble(lon.getValue()));
        } catch (IllegalArgumentException e) {
            errors.add(fields.nodeOf("location"), fields.field("location"),
                "expected [latitude within ±90, longitude within ±180], got [" + lat.getValue() + ", "
                    + lon.getValue() + "]");
            return null;
        }
    }

    private Optional<PointEntry> point(YamlFields fields) {
        Optional<String> park = id(fields, "park");
        Optional<String> enterprise = id(fields, "enterprise");
        Optional<String> id = id(fields, "id");
        Optional<PointKind> kind = fields.text("kind", true).flatMap(k -> kind(fields, k));
        kind.filter(PointKind::isVehicle).ifPresent(k -> errors.add(fields.nodeOf("kind"), fields.field("kind"),
            "'" + k.wireName() + "' is a vehicle kind: list it under vehicles"));
        Optional<Module> module = fields.text("module", false)
            .flatMap(m -> known(fields.nodeOf("module"), fields.field("module"), Module.class, m));
        Optional<Duration> interval = interval(fields);
        String mn = fields.text("mn", false).filter(m -> matches(fields, "mn", MN, m,
            "is not an HJ 212 MN (1-24 letters or digits)")).orElse(null);
        boolean required = fields.flag("required", true);
        if (park.isEmpty() || enterprise.isEmpty() || id.isEmpty() || kind.isEmpty() || interval.isEmpty()) {
            return Optional.empty();
        }
        PointEntry point = new PointEntry(park.get(), enterprise.get(), id.get(), module.orElse(kind.get().module()),
            kind.get().wireName(), interval.get(), mn, null, required);
        return Optional.of(checks.point(fields, point));
    }

    private Optional<PointEntry> vehicle(YamlFields fields) {
        Optional<String> park = id(fields, "park");
        Optional<String> id = id(fields, "id");
        Optional<PointKind> kind = fields.text("kind", true).flatMap(k -> kind(fields, k));
        kind.filter(k -> !k.isVehicle()).ifPresent(k -> errors.add(fields.nodeOf("kind"), fields.field("kind"),
            "'" + k.wireName() + "' is not a vehicle kind (park-vehicle, external-vehicle, hazmat-vehicle)"));
        Optional<Duration> interval = interval(fields);
        Optional<String> terminal = fields.text("terminal", true).filter(t -> matches(fields, "terminal", TERMINAL, t,
            "is not a JT/T 808 terminal number (1-20 digits)"));
        boolean required = fields.flag("required", true);
        if (park.isEmpty() || id.isEmpty() || kind.isEmpty() || !kind.get().isVehicle() || interval.isEmpty()
                || terminal.isEmpty()) {
            return Optional.empty();
        }
        PointEntry vehicle = new PointEntry(park.get(), PointEntry.FLEET, id.get(), kind.get().module(),
            kind.get().wireName(), interval.get(), null, terminal.get(), required);
        return Optional.of(checks.point(fields, vehicle));
    }

    private Optional<String> id(YamlFields fields, String name) {
        return fields.text(name, true).filter(v -> matches(fields, name, ID, v,
            "is not an id (letters, digits, '_' and '-', at most 64, no dots)"));
    }

    private String login(YamlFields fields, String name) {
        return fields.text(name, false).filter(v -> matches(fields, name, LOGIN, v,
            "is not a login name (letters, digits, '.', '_' and '-')")).orElse(null);
    }

    private boolean matches(YamlFields fields, String name, Pattern pattern, String value, String problem) {
        if (pattern.matcher(value).matches()) {
            return true;
        }
        errors.add(fields.nodeOf(name), fields.field(name), "'" + value + "' " + problem);
        return false;
    }

    private Optional<Duration> interval(YamlFields fields) {
        Optional<String> text = fields.text("interval", true);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Durations.parsePositive(text.get()));
        } catch (IllegalArgumentException e) {
            errors.add(fields.nodeOf("interval"), fields.field("interval"), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<PointKind> kind(YamlFields fields, String text) {
        Optional<PointKind> kind = PointKind.fromWireName(text);
        if (kind.isEmpty()) {
            errors.add(fields.nodeOf("kind"), fields.field("kind"),
                "unknown kind '" + text + "' (known: " + WireNames.all(PointKind.class) + ")");
        }
        return kind;
    }

    private <E extends Enum<E>> Optional<E> known(Node node, String field, Class<E> type, String text) {
        Optional<E> value = WireNames.parse(type, text);
        if (value.isEmpty()) {
            errors.add(node, field, "unknown " + WireNames.of(type) + " '" + text + "' (known: "
                + WireNames.all(type) + ")");
        }
        return value;
    }

    private Optional<ZoneId> zone(YamlFields fields, String text) {
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException e) {
            errors.add(fields.nodeOf("timeZone"), fields.field("timeZone"),
                "'" + text + "' is not a time zone (e.g. Asia/Shanghai)");
            return Optional.empty();
        }
    }
}
