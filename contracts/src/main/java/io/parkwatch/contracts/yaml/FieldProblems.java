package io.parkwatch.contracts.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The problems found in one YAML file that users write (the registry, a permit), each as
 * {@code file:line: field: message}, so that a file is refused whole with every problem listed.
 */
public class FieldProblems {

    private final String file;
    private final List<String> messages = new ArrayList<>();

    public FieldProblems(String file) {
        this.file = file;
    }

    public final String file() {
        return file;
    }

    public final void add(Node node, String field, String message) {
        add(node.getStartMark().getLine() + 1, field, message);
    }

    public final void add(int line, String field, String message) {
        messages.add(file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + message);
    }

    public final boolean isEmpty() {
        return messages.isEmpty();
    }

    public final List<String> messages() {
        return List.copyOf(messages);
    }
}
