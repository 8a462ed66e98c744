package io.parkwatch.simulator.truth;

import io.parkwatch.contracts.registry.EnterpriseClass;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coverage rows (park × module × class) the pipeline should show for a simulation: the
 * plan's default rows and the kind → category table of the coverage processor (streams
 * {@code PlanRows}, {@code KindCategories}; repeated here because the simulator depends on no
 * service module, and checked against them by a cli test), with the enterprise rule ALL.
 */
public final class PlanCoverageByDesign {

    private static final Set<String> ENERGY = Set.of("electricity-meter", "water-meter", "gas-meter", "oil-meter",
        "coal-meter");
    private static final Set<String> ENVIRONMENT = Set.of("cems-stack", "env-monitor");
    private static final Set<String> SAFETY = Set.of("major-hazard-sensor", "non-major-hazard-sensor", "gas-detector",
        "tank");

    /** A plan row: point or enterprise level, the kinds it counts, the class filter. */
    private record Row(String module, String entityClass, boolean enterpriseLevel, Set<String> kinds,
                       EnterpriseClass with, EnterpriseClass without) {
    }

    private static final List<Row> ROWS = List.of(
        new Row("ECONOMIC", "above-scale-enterprises", true, Set.of("economic-report"), EnterpriseClass.ABOVE_SCALE,
            null),
        new Row("ECONOMIC", "other-enterprises", true, Set.of("economic-report"), null, EnterpriseClass.ABOVE_SCALE),
        new Row("ENERGY", "key-energy-user-meters", false, ENERGY, EnterpriseClass.KEY_ENERGY_USER, null),
        new Row("ENERGY", "non-key-meters", false, ENERGY, null, EnterpriseClass.KEY_ENERGY_USER),
        new Row("SAFETY", "key-emergency-enterprises", true, SAFETY, EnterpriseClass.KEY_EMERGENCY_SUPERVISED, null),
        new Row("SAFETY", "other-enterprises", true, SAFETY, null, EnterpriseClass.KEY_EMERGENCY_SUPERVISED),
        new Row("SAFETY", "major-hazard-streams", false, Set.of("major-hazard-sensor"), null, null),
        new Row("SAFETY", "non-major-hazard-streams", false, Set.of("non-major-hazard-sensor"), null, null),
        new Row("LOGISTICS", "park-vehicles", false, Set.of("park-vehicle"), null, null),
        new Row("LOGISTICS", "external-vehicles", false, Set.of("external-vehicle"), null, null),
        new Row("LOGISTICS", "hazmat-vehicles", false, Set.of("hazmat-vehicle"), null, null),
        new Row("ENVIRONMENT", "key-polluters", true, ENVIRONMENT, EnterpriseClass.KEY_POLLUTER, null),
        new Row("ENVIRONMENT", "monitoring-points", false, ENVIRONMENT, null, null));

    private PlanCoverageByDesign() {
    }

    /** The rows of {@code parks}, a point being live by design when its key is in {@code played}. */
    public static List<CoverageByDesign> rows(Registry registry, List<String> parks, Set<String> played) {
        List<CoverageByDesign> rows = new ArrayList<>();
        for (String park : parks) {
            Map<String, EnterpriseEntry> enterprises = new LinkedHashMap<>();
            registry.enterprisesOf(park).forEach(e -> enterprises.put(e.id(), e));
            List<PointEntry> points = registry.pointsOf(park).stream().filter(PointEntry::required).toList();
            for (Row row : ROWS) {
                rows.add(row.enterpriseLevel() ? enterpriseRow(park, row, enterprises, points, played)
                    : pointRow(park, row, enterprises, points, played));
            }
        }
        return rows;
    }

    private static CoverageByDesign pointRow(String park, Row row, Map<String, EnterpriseEntry> enterprises,
                                             List<PointEntry> points, Set<String> played) {
        int required = 0;
        int live = 0;
        for (PointEntry point : points) {
            if (row.kinds().contains(point.kind()) && admits(row, enterprises.get(point.enterprise()))) {
                required++;
                live += played.contains(point.pointKey()) ? 1 : 0;
            }
        }
        return new CoverageByDesign(park, row.module(), row.entityClass(), "point", required, live);
    }

    private static CoverageByDesign enterpriseRow(String park, Row row, Map<String, EnterpriseEntry> enterprises,
                                                  List<PointEntry> points, Set<String> played) {
        int required = 0;
        int live = 0;
        for (EnterpriseEntry enterprise : enterprises.values()) {
            if (!admits(row, enterprise)) {
                continue;
            }
            required++;
            List<PointEntry> own = points.stream().filter(p -> p.enterprise().equals(enterprise.id())
                && row.kinds().contains(p.kind())).toList();
            if (!own.isEmpty() && own.stream().allMatch(p -> played.contains(p.pointKey()))) {
                live++;
            }
        }
        return new CoverageByDesign(park, row.module(), row.entityClass(), "enterprise", required, live);
    }

    private static boolean admits(Row row, EnterpriseEntry enterprise) {
        if (row.with() != null && (enterprise == null || !enterprise.has(row.with()))) {
            return false;
        }
        return row.without() == null || enterprise == null || !enterprise.has(row.without());
    }
}
