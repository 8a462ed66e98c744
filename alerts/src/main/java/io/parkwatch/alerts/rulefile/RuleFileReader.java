package io.parkwatch.alerts.rulefile;

import io.parkwatch.alerts.rule.Condition;
import io.parkwatch.alerts.rule.MetricPattern;
import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.rule.RuleMatch;
import io.parkwatch.alerts.rule.RulePack;
import io.parkwatch.contracts.reading.Domain;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a threshold rule file (format in docs/rules.md). Every mistake is a
 * {@link RuleFileException} naming the line and the field; nothing is guessed.
 */
public final class RuleFileReader {

    /** The rule pack shipped with parkwatch; its limits and their sources: docs/standards/. */
    public static final String DEFAULT_PACK_RESOURCE = "/io/parkwatch/alerts/rulefile/default-rules.yaml";

    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Set<String> TOP_FIELDS = Set.of("pack", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("id", "description", "profile", "match", "above", "below",
        "window", "rate", "oxygen", "ppm", "flags", "alarmBits", "geofence", "quota", "for",
        "permit", "unlessPermitted");
    private static final Set<String> MATCH_FIELDS = Set.of("domain", "metric", "pointKind", "park", "enterprise",
        "unit", "point");

    private RuleFileReader() {
    }

    public static RulePack read(String source, String yaml) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new RuleFileException(source, line, "", "not valid YAML: " + e.getProblem());
        }
        if (root == null) {
            throw new RuleFileException(source, 1, "", "the file is empty; expected a 'rules:' list");
        }
        YamlMap top = new YamlMap(source, "", root);
        top.allowOnly(TOP_FIELDS);
        if (!top.has("rules")) {
            throw top.error("rules", "is required");
        }
        String name = top.optionalString("pack");
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMap ruleMap : top.maps("rules")) {
            Rule rule = readRule(ruleMap);
            if (!ids.add(rule.id())) {
                throw ruleMap.error("id", "rule id '" + rule.id() + "' is used twice");
            }
            rules.add(rule);
        }
        return new RulePack(name == null ? source : name, rules);
    }

    public static RulePack read(Path file) {
        try {
            return read(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file, e);
        }
    }

    /** The default pack's YAML text. */
    public static String defaultPackYaml() {
        try (InputStream in = RuleFileReader.class.getResourceAsStream(DEFAULT_PACK_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default rule pack missing from the jar: " + DEFAULT_PACK_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default rule pack", e);
        }
    }

    public static RulePack defaultPack() {
        return read("default-rules.yaml", defaultPackYaml());
    }

    private static Rule readRule(YamlMap map) {
        map.allowOnly(RULE_FIELDS);
        String id = map.requiredString("id");
        if (!RULE_ID.matcher(id).matches()) {
            throw map.error("id", "a rule id uses letters, digits, '.', '_' and '-' only, got '" + id + "'");
        }
        if (!map.has("match")) {
            throw map.error("match", "is required");
        }
        RuleMatch match = readMatch(map.map("match"));
        Condition condition = ConditionReader.read(map);
        Duration holdFor = map.duration("for", Duration.ZERO);
        try {
            return new Rule(id, map.optionalString("description"), match, condition, holdFor,
                map.optionalString("profile"), map.optionalString("permit"), unlessPermitted(map));
        } catch (IllegalArgumentException e) {
            throw map.error(map.node("id"), map.field("id"), e.getMessage());
        }
    }

    private static boolean unlessPermitted(YamlMap map) {
        String text = map.optionalString("unlessPermitted");
        if (text != null && !text.equals("true") && !text.equals("false")) {
            throw map.error("unlessPermitted", "expected true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private static RuleMatch readMatch(YamlMap map) {
        map.allowOnly(MATCH_FIELDS);
        Set<Domain> domains = new HashSet<>();
        for (String domain : map.strings("domain")) {
            try {
                domains.add(Domain.valueOf(domain.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw map.error("domain", "unknown domain '" + domain + "'; expected one of "
                    + Set.of(Domain.values()).stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
            }
        }
        List<MetricPattern> metrics = map.strings("metric").stream().map(MetricPattern::new).toList();
        if (metrics.isEmpty()) {
            throw map.error("metric", "is required (a name, a pattern with *, or a list)");
        }
        return new RuleMatch(domains, metrics, map.strings("pointKind"), map.strings("park"),
            map.strings("enterprise"), map.strings("unit"), map.strings("point"));
    }
}
