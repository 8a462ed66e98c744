package io.parkwatch.contracts.registry;

import java.util.Objects;
import java.util.Set;

/** An enterprise of a park, with the plan's class flags. */
public record EnterpriseEntry(String park, String id, String name, Set<EnterpriseClass> classes) {

    public EnterpriseEntry {
        Objects.requireNonNull(park, "park is required");
        Objects.requireNonNull(id, "id is required");
        name = name == null ? id : name;
        classes = classes == null ? Set.of() : Set.copyOf(classes);
    }
}
