package io.parkwatch.contracts.permit.file;

import io.parkwatch.contracts.factor.FactorMedium;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.yaml.FieldProblems;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A permit against the registry: its enterprise must be registered, and every outlet's points
 * must be points of that enterprise of a kind that measures the outlet's medium: a flue-gas CEMS
 * ({@code cems-stack}) for air, a monitoring station ({@code env-monitor}) for waste water. A
 * point the registry does not have makes the outlet unknown, and the permit is refused.
 */
final class PermitRegistryChecks {

    private final FieldProblems errors;
    private final Registry registry;
    private final String park;
    private final String enterprise;
    private final Map<String, PointEntry> points;

    PermitRegistryChecks(FieldProblems errors, Registry registry, String park, String enterprise) {
        this.errors = errors;
        this.registry = registry;
        this.park = park;
        this.enterprise = enterprise;
        this.points = registry.points().stream()
            .filter(p -> p.park().equals(park) && p.enterprise().equals(enterprise))
            .collect(Collectors.toMap(PointEntry::id, Function.identity(), (a, b) -> a));
    }

    void enterprise(Node node) {
        boolean known = registry.enterprises().stream()
            .anyMatch(e -> e.park().equals(park) && e.id().equals(enterprise));
        if (!known) {
            errors.add(node, "enterprise", "no enterprise '" + enterprise + "' in park '" + park + "' in the registry");
        }
    }

    void point(Node node, String field, String id, FactorMedium medium) {
        PointEntry point = points.get(id);
        if (point == null) {
            errors.add(node, field, "unknown outlet point: no point '" + id + "' of enterprise '" + park + "/"
                + enterprise + "' in the registry");
            return;
        }
        PointKind expected = medium == FactorMedium.WATER ? PointKind.ENV_MONITOR : PointKind.CEMS_STACK;
        if (medium != null && !expected.wireName().equals(point.kind())) {
            errors.add(node, field, "point '" + id + "' is a " + point.kind() + "; a" + (medium == FactorMedium.WATER
                ? " water outlet is measured by an env-monitor" : "n air outlet is measured by a cems-stack"));
        }
    }
}
