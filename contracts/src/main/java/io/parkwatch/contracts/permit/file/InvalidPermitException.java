package io.parkwatch.contracts.permit.file;

import java.util.List;

/** A permit file that must not be loaded: every problem found, each naming file, line and field. */
public final class InvalidPermitException extends IllegalArgumentException {

    private final transient List<String> errors;

    public InvalidPermitException(String file, List<String> errors) {
        super(file + " is not a valid permit (" + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
            + "):\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
