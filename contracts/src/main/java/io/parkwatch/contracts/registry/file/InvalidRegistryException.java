package io.parkwatch.contracts.registry.file;

import java.util.List;

/** A registry file that must not be loaded: every problem found, each naming file, line and field. */
public final class InvalidRegistryException extends IllegalArgumentException {

    private final transient List<String> errors;

    public InvalidRegistryException(String file, List<String> errors) {
        super(file + " is not a valid registry (" + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
            + "):\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
