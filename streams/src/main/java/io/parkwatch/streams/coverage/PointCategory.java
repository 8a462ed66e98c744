package io.parkwatch.streams.coverage;

/**
 * What a point counts as in the plan's coverage table. A point kind maps to one category
 * ({@link KindCategories}); plan rows select points by category, not by the registry's module,
 * so a new kind only needs a line in the kind table.
 */
public enum PointCategory {
    /** Plant-level meters of the five energy types (煤水油气电). */
    ENERGY_METER,
    /** Environment monitoring points: CEMS stacks, ambient monitors. */
    ENVIRONMENT_POINT,
    /** A monitoring stream of a major hazard source (重大危险源). */
    MAJOR_HAZARD_STREAM,
    /** A monitoring stream of a non-major hazard source. */
    NON_MAJOR_HAZARD_STREAM,
    /** Other safety streams: gas detectors, tanks. */
    SAFETY_STREAM,
    PARK_VEHICLE,
    EXTERNAL_VEHICLE,
    HAZMAT_VEHICLE,
    /** Periodic economic-operation reports (not real-time). */
    ECONOMIC_REPORT
}
