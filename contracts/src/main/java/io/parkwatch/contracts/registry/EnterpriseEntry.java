package io.parkwatch.contracts.registry;

import java.util.Objects;
import java.util.Set;

/**
 * An enterprise of a park, with the plan's class flags.
 *
 * @param status      what it does on its site; default {@link EnterpriseStatus#OPERATING}
 * @param credentials the login name of its MQTT account in the credentials file (never a
 *                    secret); default {@code {park}.{id}}
 * @param location    where its site is, for the console's map; null when not known (optional,
 *                    so registries written before it still read)
 */
public record EnterpriseEntry(String park, String id, String name, Set<EnterpriseClass> classes,
                             EnterpriseStatus status, String credentials, Location location) {

    public EnterpriseEntry {
        Objects.requireNonNull(park, "park is required");
        Objects.requireNonNull(id, "id is required");
        name = name == null ? id : name;
        classes = classes == null ? Set.of() : Set.copyOf(classes);
        status = status == null ? EnterpriseStatus.OPERATING : status;
        credentials = credentials == null ? park + "." + id : credentials;
    }

    public EnterpriseEntry(String park, String id, String name, Set<EnterpriseClass> classes,
                           EnterpriseStatus status, String credentials) {
        this(park, id, name, classes, status, credentials, null);
    }

    public EnterpriseEntry(String park, String id, String name, Set<EnterpriseClass> classes) {
        this(park, id, name, classes, null, null, null);
    }

    /** The same enterprise, placed at {@code at}. */
    public EnterpriseEntry at(Location at) {
        return new EnterpriseEntry(park, id, name, classes, status, credentials, at);
    }

    public boolean has(EnterpriseClass enterpriseClass) {
        return classes.contains(enterpriseClass);
    }
}
