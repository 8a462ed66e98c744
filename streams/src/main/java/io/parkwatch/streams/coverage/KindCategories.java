package io.parkwatch.streams.coverage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The point-kind → category table. Kinds are the registry's strings; the defaults follow the
 * plan's wording and any line can be overridden or added in configuration
 * ({@code coverage.kind.<kind>=<CATEGORY>}). A kind not in the table counts in no plan row.
 */
public record KindCategories(Map<String, PointCategory> byKind) {

    public KindCategories {
        byKind = Map.copyOf(byKind);
    }

    public static KindCategories defaults() {
        Map<String, PointCategory> kinds = new LinkedHashMap<>();
        for (String meter : new String[] {"electricity-meter", "water-meter", "gas-meter", "oil-meter", "coal-meter"}) {
            kinds.put(meter, PointCategory.ENERGY_METER);
        }
        kinds.put("cems-stack", PointCategory.ENVIRONMENT_POINT);
        kinds.put("env-monitor", PointCategory.ENVIRONMENT_POINT);
        kinds.put("major-hazard-sensor", PointCategory.MAJOR_HAZARD_STREAM);
        kinds.put("non-major-hazard-sensor", PointCategory.NON_MAJOR_HAZARD_STREAM);
        kinds.put("gas-detector", PointCategory.SAFETY_STREAM);
        kinds.put("tank", PointCategory.SAFETY_STREAM);
        kinds.put("park-vehicle", PointCategory.PARK_VEHICLE);
        kinds.put("external-vehicle", PointCategory.EXTERNAL_VEHICLE);
        kinds.put("hazmat-vehicle", PointCategory.HAZMAT_VEHICLE);
        kinds.put("economic-report", PointCategory.ECONOMIC_REPORT);
        return new KindCategories(kinds);
    }

    public Optional<PointCategory> categoryOf(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public KindCategories with(String kind, PointCategory category) {
        Map<String, PointCategory> kinds = new LinkedHashMap<>(byKind);
        kinds.put(kind, category);
        return new KindCategories(kinds);
    }
}
