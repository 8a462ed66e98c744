package io.parkwatch.console.coverage;

import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.coverage.CoverageRow;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The latest coverage row per park × module × class and the latest park-level completeness row
 * per park, folded from their topics. Rows are few (the plan has a dozen rows a park); the fold
 * is still capped by how many parks the registry has, dropping the stalest row past the cap.
 */
public final class CoverageBoard {

    /** Plan rows kept per park at most (the plan has about a dozen). */
    static final int ROWS_PER_PARK = 64;

    private final Map<String, CoverageRow> rows = new TreeMap<>();
    private final Map<String, CompletenessRow> completeness = new HashMap<>();
    private final ParkCount parks;

    /** How many parks the registry holds: what bounds the board. */
    @FunctionalInterface
    public interface ParkCount {
        int parks();
    }

    public CoverageBoard(ParkCount parks) {
        this.parks = parks;
    }

    public synchronized void apply(CoverageRow row) {
        if (row == null) {
            return;
        }
        String key = row.park() + '|' + row.module() + '|' + row.entityClass();
        CoverageRow held = rows.get(key);
        if (held == null || !held.computedAt().isAfter(row.computedAt())) {
            rows.put(key, row);
        }
        int cap = ROWS_PER_PARK * Math.max(1, parks.parks());
        while (rows.size() > cap) {
            rows.values().stream().min(Comparator.comparing(CoverageRow::computedAt))
                .ifPresent(stalest -> rows.values().remove(stalest));
        }
    }

    /** Keeps only park-level rows: the newest day, and on it the newest computation. */
    public synchronized void apply(CompletenessRow row) {
        if (row == null || !CompletenessRow.PARK.equals(row.level())) {
            return;
        }
        CompletenessRow held = completeness.get(row.park());
        boolean newer = held == null || row.day().isAfter(held.day())
            || row.day().equals(held.day()) && !held.computedAt().isAfter(row.computedAt());
        if (newer) {
            completeness.put(row.park(), row);
            if (completeness.size() > Math.max(1, parks.parks()) * 4) {
                completeness.values().stream().min(Comparator.comparing(CompletenessRow::computedAt))
                    .ifPresent(stalest -> completeness.values().remove(stalest));
            }
        }
    }

    /** The park's rows ordered by module and class. */
    public synchronized List<CoverageRow> rowsOf(String park) {
        return rows.values().stream().filter(row -> row.park().equals(park))
            .sorted(Comparator.comparing((CoverageRow row) -> row.module().name()).thenComparing(CoverageRow::entityClass))
            .toList();
    }

    public synchronized Optional<CompletenessRow> completenessOf(String park) {
        return Optional.ofNullable(completeness.get(park));
    }
}
