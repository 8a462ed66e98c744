package io.parkwatch.console.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The polygon of one geofence rule.
 *
 * @param parks    the parks the rule matches; empty: every park
 * @param vertices {latitude, longitude} pairs, in order, as the rule file lists them
 */
public record GeofenceArea(String ruleId, String name, AreaKind kind, Set<String> parks, List<double[]> vertices) {

    public GeofenceArea {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? ruleId : name;
        parks = Set.copyOf(parks);
        vertices = vertices.stream().map(double[]::clone).toList();
    }

    public boolean appliesTo(String park) {
        return parks.isEmpty() || parks.contains(park);
    }
}
