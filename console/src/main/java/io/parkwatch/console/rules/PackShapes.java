package io.parkwatch.console.rules;

import java.util.List;
import java.util.Objects;

/** What the console draws from one rule pack: its geofence polygons and its limit lines. */
public record PackShapes(String name, List<GeofenceArea> areas, List<RuleLimit> limits) {

    public PackShapes {
        Objects.requireNonNull(name, "name");
        areas = List.copyOf(areas);
        limits = List.copyOf(limits);
    }
}
