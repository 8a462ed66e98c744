package io.parkwatch.contracts.registry;

import java.util.Objects;
import java.util.Set;

/**
 * An enterprise of a park, with the plan's class flags.
 *
 * @param status      what it does on its site; default {@link EnterpriseStatus#OPERATING}
 * @param credentials the login name of its MQTT account in the credentials file (never a
 *                    secret); default {@code {park}.{id}}
 */
public record EnterpriseEntry(String park, String id, String name, Set<EnterpriseClass> classes,
                             EnterpriseStatus status, String credentials) {

    public EnterpriseEntry {
        Objects.requireNonNull(park, "park is required");
        Objects.requireNonNull(id, "id is required");
        name = name == null ? id : name;
        classes = classes == null ? Set.of() : Set.copyOf(classes);
        status = status == null ? EnterpriseStatus.OPERATING : status;
        credentials = credentials == null ? park + "." + id : credentials;
    }

    public EnterpriseEntry(String park, String id, String name, Set<EnterpriseClass> classes) {
        this(park, id, name, classes, null, null);
    }

    public boolean has(EnterpriseClass enterpriseClass) {
        return classes.contains(enterpriseClass);
    }
}
