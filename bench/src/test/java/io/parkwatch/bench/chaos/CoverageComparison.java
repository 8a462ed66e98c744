package io.parkwatch.bench.chaos;

import io.parkwatch.contracts.coverage.CoverageRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Coverage rows of the real run against one instance's replay, key by key. Compared: park, module,
 * class, required, live, target, {@code silentTruncated} and the silent points as a set (their order is
 * presentation). Not compared: {@code computedAt}, the moment of computation (the replay computes at the
 * same instant anyway), and {@code ratio}/{@code compliant}, derived from the compared fields.
 *
 * @param compared    keys present on either side
 * @param equal       keys whose rows agree on every compared field
 * @param differences one line per differing or missing key
 */
record CoverageComparison(int compared, int equal, List<String> differences) {

    static CoverageComparison of(Map<String, CoverageRow> real, Map<String, CoverageRow> replayed) {
        TreeSet<String> keys = new TreeSet<>(real.keySet());
        keys.addAll(replayed.keySet());
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            CoverageRow left = real.get(key);
            CoverageRow right = replayed.get(key);
            if (left == null || right == null || !sameCounts(left, right)) {
                differences.add(key + ": real " + describe(left) + " / one instance " + describe(right));
            }
        }
        return new CoverageComparison(keys.size(), keys.size() - differences.size(), List.copyOf(differences));
    }

    static boolean sameCounts(CoverageRow a, CoverageRow b) {
        return a.park().equals(b.park()) && a.module() == b.module() && a.entityClass().equals(b.entityClass())
            && a.required() == b.required() && a.live() == b.live() && Double.compare(a.target(), b.target()) == 0
            && a.silentTruncated() == b.silentTruncated()
            && Objects.equals(new TreeSet<>(a.silentPoints()), new TreeSet<>(b.silentPoints()));
    }

    private static String describe(CoverageRow row) {
        return row == null ? "none" : row.live() + "/" + row.required() + " target " + row.target() + " silent "
            + row.silentPoints().size() + (row.silentTruncated() ? "+" : "") + " at " + row.computedAt();
    }

    String figures() {
        return "coverage rows compared " + compared + ", equal " + equal
            + (differences.isEmpty() ? "" : "; differing: " + differences);
    }
}
