package io.parkwatch.streams.coverage;

import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The coverage table, computed from the registry and the last good reading of each point at a
 * given instant. Pure: the processors feed it state and emit what it returns.
 *
 * <p>Members of a row's denominator are points for point rows and enterprises for enterprise
 * rows; the silent list names the silent members ({@code park/enterprise/point} or
 * {@code park/enterprise}). An enterprise without any point of the row's categories cannot be
 * reporting, so it counts as silent.
 */
public final class CoverageCalculator {

    private final CoverageConfig config;

    public CoverageCalculator(CoverageConfig config) {
        this.config = config;
    }

    /** Live while the last good reading is younger than the point's window. */
    public boolean isLive(PointEntry point, Instant lastGood, Instant now) {
        return lastGood != null && Duration.between(lastGood, now).compareTo(config.windowOf(point)) < 0;
    }

    /** Every plan row of every park in the registry. */
    public List<CoverageRow> rows(RegistrySnapshot registry, Function<String, Instant> lastGood, Instant now) {
        List<CoverageRow> rows = new ArrayList<>();
        for (String park : registry.parks()) {
            rows.addAll(rowsOf(park, registry, lastGood, now));
        }
        return rows;
    }

    public List<CoverageRow> rowsOf(String park, RegistrySnapshot registry, Function<String, Instant> lastGood,
                                    Instant now) {
        List<CoverageRow> rows = new ArrayList<>();
        for (PlanRow row : config.rowsOf(park)) {
            rows.add(row.level() == PlanRow.Level.POINT
                ? pointRow(park, row, registry, lastGood, now)
                : enterpriseRow(park, row, registry, lastGood, now));
        }
        return rows;
    }

    private CoverageRow pointRow(String park, PlanRow row, RegistrySnapshot registry,
                                 Function<String, Instant> lastGood, Instant now) {
        int required = 0;
        int live = 0;
        List<String> silent = new ArrayList<>();
        for (PointEntry point : registry.pointsOf(park)) {
            if (counts(row, point) && row.admits(registry.enterprise(park, point.enterprise()))) {
                required++;
                if (isLive(point, lastGood.apply(point.pointKey()), now)) {
                    live++;
                } else {
                    silent.add(point.pointKey());
                }
            }
        }
        return row(park, row, required, live, silent, now);
    }

    private CoverageRow enterpriseRow(String park, PlanRow row, RegistrySnapshot registry,
                                      Function<String, Instant> lastGood, Instant now) {
        Map<String, List<Boolean>> liveness = new TreeMap<>();
        for (EnterpriseEntry enterprise : registry.enterprisesOf(park)) {
            if (row.admits(enterprise)) {
                liveness.put(enterprise.id(), new ArrayList<>());
            }
        }
        for (PointEntry point : registry.pointsOf(park)) {
            List<Boolean> ofEnterprise = liveness.get(point.enterprise());
            if (ofEnterprise != null && counts(row, point)) {
                ofEnterprise.add(isLive(point, lastGood.apply(point.pointKey()), now));
            }
        }
        int live = 0;
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, List<Boolean>> enterprise : liveness.entrySet()) {
            if (reporting(enterprise.getValue())) {
                live++;
            } else {
                silent.add(RegistryKeys.enterpriseId(park, enterprise.getKey()));
            }
        }
        return row(park, row, liveness.size(), live, silent, now);
    }

    private boolean reporting(List<Boolean> points) {
        if (points.isEmpty()) {
            return false;
        }
        return config.enterpriseRule() == EnterpriseRule.ALL
            ? points.stream().allMatch(Boolean::booleanValue)
            : points.stream().anyMatch(Boolean::booleanValue);
    }

    private boolean counts(PlanRow row, PointEntry point) {
        Optional<PointCategory> category = config.kinds().categoryOf(point.kind());
        return category.isPresent() && row.categories().contains(category.get());
    }

    private CoverageRow row(String park, PlanRow row, int required, int live, List<String> silent, Instant now) {
        boolean truncated = silent.size() > config.silentLimit();
        List<String> listed = truncated ? silent.subList(0, config.silentLimit()) : silent;
        return new CoverageRow(park, row.module(), row.entityClass(), required, live, row.target(), listed, truncated,
            now);
    }

    /** The Kafka key of a row: {@code park|MODULE|class}. */
    public static String key(CoverageRow row) {
        return row.park() + '|' + row.module().name() + '|' + row.entityClass();
    }
}
