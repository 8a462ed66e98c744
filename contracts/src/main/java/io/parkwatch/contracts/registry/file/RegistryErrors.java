package io.parkwatch.contracts.registry.file;

import io.parkwatch.contracts.yaml.FieldProblems;

/** The problems found in one registry file, each as {@code file:line: field: message}. */
final class RegistryErrors extends FieldProblems {

    RegistryErrors(String file) {
        super(file);
    }

    void throwIfAny() {
        if (!isEmpty()) {
            throw new InvalidRegistryException(file(), messages());
        }
    }
}
