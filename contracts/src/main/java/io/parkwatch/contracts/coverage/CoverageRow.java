package io.parkwatch.contracts.coverage;

import io.parkwatch.contracts.registry.Module;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of the plan's coverage table for one park: how much of what must report does.
 *
 * @param entityClass  the denominator, e.g. {@code key-energy-user-meters}
 * @param silentPoints the silent required points, bounded; {@code silentTruncated} says if cut
 */
public record CoverageRow(
        String park,
        Module module,
        String entityClass,
        int required,
        int live,
        double target,
        List<String> silentPoints,
        boolean silentTruncated,
        Instant computedAt) {

    public CoverageRow {
        Objects.requireNonNull(park, "park is required");
        Objects.requireNonNull(module, "module is required");
        Objects.requireNonNull(entityClass, "entityClass is required");
        Objects.requireNonNull(computedAt, "computedAt is required");
        if (required < 0 || live < 0 || live > required) {
            throw new IllegalArgumentException("live/required out of range: " + live + "/" + required);
        }
        silentPoints = silentPoints == null ? List.of() : List.copyOf(silentPoints);
    }

    /** Live share of required; 1 when nothing is required (an empty class meets any target). */
    public double ratio() {
        return required == 0 ? 1.0 : (double) live / required;
    }

    public boolean compliant() {
        return ratio() >= target;
    }
}
