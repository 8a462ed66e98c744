package io.parkwatch.streams.completeness;

import io.parkwatch.contracts.completeness.CompletenessRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sums point rows into enterprise and park rows: slots and hours add up, targets do not. */
public final class CompletenessRollup {

    private CompletenessRollup() {
    }

    /** The enterprise rows and the park row of one park's point rows for one day. */
    public static List<CompletenessRow> rollUp(String park, LocalDate day, List<CompletenessRow> pointRows,
                                               Instant now) {
        Map<String, List<CompletenessRow>> byEnterprise = new TreeMap<>();
        for (CompletenessRow row : pointRows) {
            byEnterprise.computeIfAbsent(row.enterprise(), e -> new ArrayList<>()).add(row);
        }
        List<CompletenessRow> rolled = new ArrayList<>();
        for (Map.Entry<String, List<CompletenessRow>> enterprise : byEnterprise.entrySet()) {
            rolled.add(sum(CompletenessRow.ENTERPRISE, park, enterprise.getKey(), day, enterprise.getValue(), now));
        }
        if (!pointRows.isEmpty()) {
            rolled.add(sum(CompletenessRow.PARK, park, null, day, pointRows, now));
        }
        return rolled;
    }

    private static CompletenessRow sum(String level, String park, String enterprise, LocalDate day,
                                       List<CompletenessRow> rows, Instant now) {
        long expected = 0;
        long received = 0;
        long normal = 0;
        int rated = 0;
        int valid = 0;
        int points = 0;
        int compliant = 0;
        for (CompletenessRow row : rows) {
            expected += row.expected();
            received += Math.min(row.received(), row.expected());
            normal += Math.min(row.normal(), row.expected());
            rated += row.ratedHours();
            valid += row.validHours();
            points += row.points();
            compliant += row.compliantPoints();
        }
        return new CompletenessRow(level, park, enterprise, null, day, rows.get(0).dayStart(), expected, received,
            normal, rated, valid, null, null, points, compliant, now);
    }
}
