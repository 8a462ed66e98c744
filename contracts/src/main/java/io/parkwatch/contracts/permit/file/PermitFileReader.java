package io.parkwatch.contracts.permit.file;

import io.parkwatch.contracts.factor.Factor;
import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.factor.FactorMedium;
import io.parkwatch.contracts.permit.AveragingPeriod;
import io.parkwatch.contracts.permit.ConcentrationUnits;
import io.parkwatch.contracts.permit.Outlet;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.permit.PollutantLimit;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.yaml.FieldProblems;
import io.parkwatch.contracts.yaml.YamlFields;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and validates a permit file (format: docs/permits.md). A file with any problem is refused
 * whole: {@link InvalidPermitException} lists every problem as {@code file:line: field: message}.
 * Given the registry, the permit's enterprise and every outlet's points must be in it, of a kind
 * that measures the outlet's medium ({@link PermitRegistryChecks}).
 */
public final class PermitFileReader {

    /** Unified social credit code (18 characters, no I, O, S, V, Z), three-digit serial, then P. */
    static final Pattern NUMBER = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}[0-9]{3}P");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> TOP = Set.of("version", "permit", "park", "enterprise", "outlets");
    private static final Set<String> OUTLET = Set.of("id", "name", "medium", "points", "pollutants");
    private static final Set<String> POLLUTANT =
        Set.of("pollutant", "limit", "unit", "oxygen", "period", "annualTonnes", "basis");
    private static final double AIR_OXYGEN = 21.0;

    private final FieldProblems errors;
    private final FactorCatalog catalog;
    private final Map<String, Integer> outletLines = new HashMap<>();
    private final Map<String, Integer> pointLines = new HashMap<>();

    private PermitFileReader(String file, FactorCatalog catalog) {
        this.errors = new FieldProblems(file);
        this.catalog = catalog;
    }

    /** The permit in {@code file}, checked against {@code registry} unless it is null. */
    public static Permit read(Path file, Registry registry) throws IOException {
        return read(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8),
            FactorCatalog.hj212(), registry);
    }

    /** The permit in {@code text} without a registry to check it against (its form, factors and units only). */
    public static Permit read(String file, String text) {
        return read(file, text, FactorCatalog.hj212(), null);
    }

    public static Permit read(String file, String text, FactorCatalog catalog, Registry registry) {
        return new PermitFileReader(file, catalog).parse(text, registry);
    }

    private Permit parse(String text, Registry registry) {
        LoaderOptions options = new LoaderOptions();
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            errors.add(line, "", "not YAML: " + e.getProblem());
            throw refused();
        }
        if (root == null) {
            errors.add(1, "", "the file is empty; expected permit, park, enterprise, outlets");
            throw refused();
        }
        YamlFields top = YamlFields.of(root, "", errors, TOP).orElseThrow(this::refused);
        top.text("version", true).filter(v -> !v.equals("1"))
            .ifPresent(v -> errors.add(top.nodeOf("version"), "version", "unsupported version '" + v + "' (1)"));
        Optional<String> number = top.text("permit", true);
        number.filter(n -> !NUMBER.matcher(n).matches()).ifPresent(n -> errors.add(top.nodeOf("permit"), "permit",
            "'" + n + "' is not a permit number (18-character unified social credit code, 3-digit serial, P;"
                + " e.g. 91150581XXXXXXXXX1001P)"));
        Optional<String> park = id(top, "park");
        Optional<String> enterprise = id(top, "enterprise");
        List<Outlet> outlets = new ArrayList<>();
        List<Node> items = top.list("outlets");
        if (items.isEmpty()) {
            errors.add(top.nodeOf("outlets"), "outlets", "at least one outlet is required");
        }
        PermitRegistryChecks checks = registry == null || park.isEmpty() || enterprise.isEmpty() ? null
            : new PermitRegistryChecks(errors, registry, park.get(), enterprise.get());
        if (checks != null) {
            checks.enterprise(top.nodeOf("enterprise"));
        }
        for (int i = 0; i < items.size(); i++) {
            YamlFields.of(items.get(i), "outlets[" + i + "]", errors, OUTLET)
                .flatMap(fields -> outlet(fields, checks)).ifPresent(outlets::add);
        }
        if (!errors.isEmpty()) {
            throw refused();
        }
        return new Permit(number.orElseThrow(), park.orElseThrow(), enterprise.orElseThrow(), outlets);
    }

    private InvalidPermitException refused() {
        return new InvalidPermitException(errors.file(), errors.messages());
    }

    private Optional<String> id(YamlFields fields, String name) {
        Optional<String> id = fields.text(name, true);
        if (id.isPresent() && !ID.matcher(id.get()).matches()) {
            errors.add(fields.nodeOf(name), fields.field(name),
                "'" + id.get() + "' is not an id (letters, digits, '_' and '-')");
            return Optional.empty();
        }
        return id;
    }

    private Optional<Outlet> outlet(YamlFields fields, PermitRegistryChecks checks) {
        Optional<String> id = id(fields, "id");
        id.ifPresent(value -> {
            Integer first = outletLines.putIfAbsent(value, fields.line());
            if (first != null) {
                errors.add(fields.nodeOf("id"), fields.field("id"), "outlet '" + value + "' is already defined at line "
                    + first);
            }
        });
        Optional<FactorMedium> medium = medium(fields);
        List<String> points = points(fields, medium.orElse(null), checks);
        List<PollutantLimit> limits = new ArrayList<>();
        List<Node> items = fields.list("pollutants");
        if (items.isEmpty()) {
            errors.add(fields.nodeOf("pollutants"), fields.field("pollutants"), "at least one pollutant is required");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            YamlFields.of(items.get(i), fields.field("pollutants") + "[" + i + "]", errors, POLLUTANT)
                .flatMap(limit -> limit(limit, medium.orElse(null), seen)).ifPresent(limits::add);
        }
        if (id.isEmpty() || medium.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Outlet(id.get(), fields.text("name", false).orElse(null), medium.get(), points,
            limits));
    }

    private Optional<FactorMedium> medium(YamlFields fields) {
        Optional<String> text = fields.text("medium", true);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        switch (text.get()) {
            case "air":
                return Optional.of(FactorMedium.AIR);
            case "water":
                return Optional.of(FactorMedium.WATER);
            default:
                errors.add(fields.nodeOf("medium"), fields.field("medium"),
                    "'" + text.get() + "' is not an outlet medium (air for flue gas, water for waste water)");
                return Optional.empty();
        }
    }

    private List<String> points(YamlFields fields, FactorMedium medium, PermitRegistryChecks checks) {
        List<Node> nodes = fields.list("points");
        if (nodes.isEmpty()) {
            errors.add(fields.nodeOf("points"), fields.field("points"), "at least one registry point is required");
        }
        List<String> points = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String field = fields.field("points") + "[" + i + "]";
            Node node = nodes.get(i);
            if (!(node instanceof ScalarNode scalar) || !ID.matcher(scalar.getValue()).matches()) {
                errors.add(node, field, "expected a point id (letters, digits, '_' and '-')");
                continue;
            }
            Integer first = pointLines.putIfAbsent(scalar.getValue(), node.getStartMark().getLine() + 1);
            if (first != null) {
                errors.add(node, field, "point '" + scalar.getValue() + "' already measures an outlet at line " + first);
            }
            if (checks != null) {
                checks.point(node, field, scalar.getValue(), medium);
            }
            points.add(scalar.getValue());
        }
        return points;
    }

    private Optional<PollutantLimit> limit(YamlFields fields, FactorMedium medium, Map<String, Integer> seen) {
        Optional<Factor> factor = factor(fields, medium, seen);
        Optional<Double> limit = number(fields, "limit", true).filter(v -> positive(fields, "limit", v));
        Optional<String> unit = fields.text("unit", true);
        if (factor.isPresent() && unit.isPresent()
            && ConcentrationUnits.factor(unit.get(), factor.get().unit()).isEmpty()) {
            errors.add(fields.nodeOf("unit"), fields.field("unit"), "'" + unit.get() + "' is not a unit of "
                + factor.get().code() + " (" + factor.get().nameEn() + ", " + factor.get().unit()
                + "): expected a mass concentration per " + (factor.get().unit().endsWith("/L") ? "L" : "m3"));
        }
        Optional<Double> oxygen = number(fields, "oxygen", false);
        if (oxygen.isPresent() && medium == FactorMedium.WATER) {
            errors.add(fields.nodeOf("oxygen"), fields.field("oxygen"),
                "a reference O2 applies to flue gas only, not to a water outlet");
        } else if (oxygen.isPresent() && (oxygen.get() < 0 || oxygen.get() >= AIR_OXYGEN)) {
            errors.add(fields.nodeOf("oxygen"), fields.field("oxygen"),
                "reference O2 " + oxygen.get() + " % is outside 0 to 21 % (21 % is air itself)");
        }
        Optional<AveragingPeriod> period = fields.text("period", true).flatMap(text -> {
            Optional<AveragingPeriod> known = AveragingPeriod.of(text);
            if (known.isEmpty()) {
                errors.add(fields.nodeOf("period"), fields.field("period"),
                    "'" + text + "' is not an averaging period (hour, day)");
            }
            return known;
        });
        Optional<Double> annual = number(fields, "annualTonnes", false)
            .filter(v -> positive(fields, "annualTonnes", v));
        if (factor.isEmpty() || limit.isEmpty() || unit.isEmpty() || period.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PollutantLimit(factor.get().code(), limit.get(), unit.get(), oxygen.orElse(null),
            period.get(), annual.orElse(null), fields.text("basis", false).orElse(null)));
    }

    private Optional<Factor> factor(YamlFields fields, FactorMedium medium, Map<String, Integer> seen) {
        Optional<String> code = fields.text("pollutant", true);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Optional<Factor> factor = catalog.byCode(code.get());
        if (factor.isEmpty()) {
            errors.add(fields.nodeOf("pollutant"), fields.field("pollutant"),
                "unknown pollutant '" + code.get() + "': not an HJ 212-2017 factor code (e.g. a21026 SO2, w01018 COD)");
            return Optional.empty();
        }
        if (medium != null && factor.get().medium() != medium) {
            errors.add(fields.nodeOf("pollutant"), fields.field("pollutant"), code.get() + " (" + factor.get().nameEn()
                + ") is " + (factor.get().medium() == FactorMedium.AIR ? "an air" : "a "
                + factor.get().medium().name().toLowerCase(Locale.ROOT)) + " factor; this outlet is "
                + medium.name().toLowerCase(Locale.ROOT));
            return Optional.empty();
        }
        Integer first = seen.putIfAbsent(code.get(), fields.line());
        if (first != null) {
            errors.add(fields.nodeOf("pollutant"), fields.field("pollutant"),
                code.get() + " already has a limit at this outlet at line " + first);
            return Optional.empty();
        }
        return factor;
    }

    private Optional<Double> number(YamlFields fields, String name, boolean required) {
        Optional<String> text = fields.text(name, required);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            double value = Double.parseDouble(text.get());
            if (Double.isFinite(value)) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below, with the field
        }
        errors.add(fields.nodeOf(name), fields.field(name), "'" + text.get() + "' is not a number");
        return Optional.empty();
    }

    private boolean positive(YamlFields fields, String name, double value) {
        if (value > 0) {
            return true;
        }
        errors.add(fields.nodeOf(name), fields.field(name), "must be positive, got " + value);
        return false;
    }
}
