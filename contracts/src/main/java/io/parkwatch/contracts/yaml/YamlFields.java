package io.parkwatch.contracts.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fields of one YAML mapping, read as text (no YAML type guessing: {@code 0123} stays
 * {@code "0123"}), with every problem reported against the field's path and line.
 */
public final class YamlFields {

    private final Node node;
    private final String path;
    private final FieldProblems errors;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private YamlFields(Node node, String path, FieldProblems errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** The mapping at {@code path}, or empty (with an error) when the node is not a mapping. */
    public static Optional<YamlFields> of(Node node, String path, FieldProblems errors, Set<String> known) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(node, path, "expected a mapping of fields");
            return Optional.empty();
        }
        YamlFields fields = new YamlFields(node, path, errors);
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                errors.add(tuple.getKeyNode(), path, "field names must be plain text");
            } else if (!known.contains(key.getValue())) {
                errors.add(key, fields.field(key.getValue()), "unknown field (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            } else if (fields.values.put(key.getValue(), tuple.getValueNode()) != null) {
                errors.add(key, fields.field(key.getValue()), "given twice");
            }
        }
        return Optional.of(fields);
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public String path() {
        return path;
    }

    public String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public Node nodeOf(String name) {
        return values.getOrDefault(name, node);
    }

    /** A text field; reports a missing required one. Empty text counts as missing. */
    public Optional<String> text(String name, boolean required) {
        Node value = values.get(name);
        if (value == null) {
            if (required) {
                errors.add(node, field(name), "is required");
            }
            return Optional.empty();
        }
        if (!(value instanceof ScalarNode scalar)) {
            errors.add(value, field(name), "expected a single value");
            return Optional.empty();
        }
        if (scalar.getValue().isBlank()) {
            errors.add(value, field(name), "must not be empty");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue().trim());
    }

    /** A list field: items of a YAML sequence, or of a flow list {@code [a, b]}; absent is empty. */
    public List<Node> list(String name) {
        Node value = values.get(name);
        if (value == null || value instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            errors.add(value, field(name), "expected a list");
            return List.of();
        }
        return sequence.getValue();
    }

    /** A yes/no field ({@code true}/{@code false}). */
    public boolean flag(String name, boolean absent) {
        Optional<String> text = text(name, false);
        if (text.isEmpty()) {
            return absent;
        }
        if (!text.get().equals("true") && !text.get().equals("false")) {
            errors.add(values.get(name), field(name), "'" + text.get() + "' is neither true nor false");
            return absent;
        }
        return Boolean.parseBoolean(text.get());
    }
}
