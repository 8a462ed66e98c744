package io.parkwatch.console.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the console draws from one rule pack: its geofence polygons and its limit lines, and the
 * points its permit rules cover (where park-wide limits step aside).
 *
 * @param permittedPoints point keys ({@code park/enterprise/point}) of the pack's permit rules
 */
public record PackShapes(String name, List<GeofenceArea> areas, List<RuleLimit> limits, Set<String> permittedPoints) {

    public PackShapes {
        Objects.requireNonNull(name, "name");
        areas = List.copyOf(areas);
        limits = List.copyOf(limits);
        permittedPoints = Set.copyOf(permittedPoints);
    }

    public PackShapes(String name, List<GeofenceArea> areas, List<RuleLimit> limits) {
        this(name, areas, limits, Set.of());
    }
}
