package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the plan's coverage table: who is in the denominator and what share must report.
 *
 * @param entityClass the row's name within its module, e.g. {@code key-energy-user-meters}
 * @param level       whether the denominator counts points or enterprises
 * @param categories  the point categories the row counts (for enterprise rows: the points that
 *                    make an enterprise reporting)
 * @param withClass   enterprises must carry this flag; null for no condition
 * @param withoutClass enterprises must not carry this flag; null for no condition
 */
public record PlanRow(Module module, String entityClass, Level level, Set<PointCategory> categories,
                      EnterpriseClass withClass, EnterpriseClass withoutClass, double target) {

    /** What the row's denominator counts. */
    public enum Level {
        POINT,
        ENTERPRISE
    }

    public PlanRow {
        Objects.requireNonNull(module, "module is required");
        Objects.requireNonNull(entityClass, "entityClass is required");
        Objects.requireNonNull(level, "level is required");
        categories = Set.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("plan row " + module + "|" + entityClass + " selects no category");
        }
        requireShare(target, module + "|" + entityClass);
    }

    /** {@code MODULE|class}: how configuration names the row. */
    public String id() {
        return module.name() + '|' + entityClass;
    }

    public boolean admits(EnterpriseEntry enterprise) {
        Set<EnterpriseClass> classes = enterprise == null ? Set.of() : enterprise.classes();
        return (withClass == null || classes.contains(withClass))
            && (withoutClass == null || !classes.contains(withoutClass));
    }

    public PlanRow withTarget(double newTarget) {
        return new PlanRow(module, entityClass, level, categories, withClass, withoutClass, newTarget);
    }

    static void requireShare(double share, String what) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(what + ": a share must be between 0 and 1, was " + share);
        }
    }
}
