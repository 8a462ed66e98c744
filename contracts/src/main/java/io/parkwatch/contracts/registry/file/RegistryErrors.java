package io.parkwatch.contracts.registry.file;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** The problems found in one registry file, each as {@code file:line: field: message}. */
final class RegistryErrors {

    private final String file;
    private final List<String> messages = new ArrayList<>();

    RegistryErrors(String file) {
        this.file = file;
    }

    void add(Node node, String field, String message) {
        add(node.getStartMark().getLine() + 1, field, message);
    }

    void add(int line, String field, String message) {
        messages.add(file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + message);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new InvalidRegistryException(file, messages);
        }
    }
}
