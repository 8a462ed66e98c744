package io.parkwatch.alerts.rulefile;

import io.parkwatch.contracts.duration.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read field by field, every mistake reported with its line and field path.
 * Unknown fields are mistakes too: a misspelt {@code clear} must not silently mean "no hysteresis".
 */
final class YamlMap {

    private final String source;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

    YamlMap(String source, String path, Node node) {
        this.source = source;
        this.path = path;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, path, "expected a mapping (key: value lines)");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalarText(tuple.getKeyNode(), path);
            if (fields.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), field(key), "appears twice");
            }
        }
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    String path() {
        return path;
    }

    Set<String> keys() {
        return fields.keySet();
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    void allowOnly(Set<String> allowed) {
        for (Map.Entry<String, NodeTuple> entry : fields.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw error(entry.getValue().getKeyNode(), field(entry.getKey()),
                    "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    Node node(String key) {
        NodeTuple tuple = fields.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    String field(String key) {
        return path.isEmpty() ? key : path + '.' + key;
    }

    /** A mistake about this mapping as a whole. */
    RuleFileException fail(String problem) {
        return error(node, path, problem);
    }

    RuleFileException error(String key, String problem) {
        Node value = node(key);
        return error(value == null ? node : value, field(key), problem);
    }

    RuleFileException error(Node at, String fieldPath, String problem) {
        return new RuleFileException(source, at.getStartMark().getLine() + 1, fieldPath, problem);
    }

    String requiredString(String key) {
        String text = optionalString(key);
        if (text == null || text.isBlank()) {
            throw error(key, "is required");
        }
        return text;
    }

    String optionalString(String key) {
        Node value = node(key);
        return value == null ? null : scalarText(value, field(key));
    }

    YamlMap map(String key) {
        Node value = node(key);
        return value == null ? null : new YamlMap(source, field(key), value);
    }

    /** A scalar or a list of scalars, as a set in file order; empty when absent. */
    Set<String> strings(String key) {
        Node value = node(key);
        Set<String> result = new LinkedHashSet<>();
        if (value == null) {
            return result;
        }
        if (value instanceof SequenceNode sequence) {
            int i = 0;
            for (Node item : sequence.getValue()) {
                result.add(scalarText(item, field(key) + '[' + i++ + ']'));
            }
        } else {
            result.add(scalarText(value, field(key)));
        }
        return result;
    }

    List<YamlMap> maps(String key) {
        Node value = node(key);
        List<YamlMap> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw error(value, field(key), "expected a list (lines starting with '-')");
        }
        int i = 0;
        for (Node item : sequence.getValue()) {
            result.add(new YamlMap(source, field(key) + '[' + i++ + ']', item));
        }
        return result;
    }

    double number(String key) {
        return number(node(key), field(key));
    }

    double number(Node value, String fieldPath) {
        String text = scalarText(value, fieldPath);
        try {
            double number = Double.parseDouble(text);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the field's place
        }
        throw error(value, fieldPath, "expected a number, got '" + text + "'");
    }

    double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    Duration duration(String key, Duration fallback) {
        Node value = node(key);
        if (value == null) {
            return fallback;
        }
        String text = scalarText(value, field(key));
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(value, field(key), e.getMessage());
        }
    }

    String scalarText(Node value, String fieldPath) {
        if (!(value instanceof ScalarNode scalar)) {
            throw error(value, fieldPath, "expected a single value");
        }
        return scalar.getValue();
    }
}
