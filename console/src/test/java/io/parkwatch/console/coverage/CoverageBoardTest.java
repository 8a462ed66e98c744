package io.parkwatch.console.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.registry.Module;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    private final CoverageBoard board = new CoverageBoard(() -> 1);

    private static CoverageRow row(String park, String entityClass, int live, Instant at) {
        return new CoverageRow(park, Module.ENERGY, entityClass, 10, live, 0.9, List.of("otog/e001/elec-01"), false, at);
    }

    private static CompletenessRow completeness(String level, LocalDate day, long received, Instant at) {
        return new CompletenessRow(level, "otog", level.equals("park") ? null : "e001", null, day,
            day.atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant(), 100, received, received, 0, 0, 0.9, null,
            5, 4, at);
    }

    @Test
    void theNewestRowPerParkModuleAndClassWinsAndALateOlderOneIsIgnored() {
        board.apply(row("otog", "meters", 5, T0));
        board.apply(row("otog", "meters", 9, T0.plusSeconds(60)));
        board.apply(row("otog", "meters", 1, T0.plusSeconds(30)));
        board.apply(row("otog", "above-scale", 10, T0));
        assertThat(board.rowsOf("otog")).extracting(CoverageRow::entityClass, CoverageRow::live)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("above-scale", 10),
                org.assertj.core.groups.Tuple.tuple("meters", 9));
        assertThat(board.rowsOf("sulige")).isEmpty();
    }

    @Test
    void onlyTheParkRollUpOfTheNewestDayIsKept() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        board.apply(completeness("park", today, 50, T0));
        board.apply(completeness("enterprise", today, 99, T0.plusSeconds(5)));
        board.apply(completeness("park", today.minusDays(1), 100, T0.plusSeconds(10)));
        board.apply(completeness("park", today, 60, T0.plusSeconds(20)));
        CompletenessRow kept = board.completenessOf("otog").orElseThrow();
        assertThat(kept.day()).isEqualTo(today);
        assertThat(kept.received()).isEqualTo(60);
    }

    @Test
    void theBoardIsBoundedByTheRegistrysParks() {
        for (int i = 0; i < CoverageBoard.ROWS_PER_PARK + 10; i++) {
            board.apply(row("otog", "class-" + i, 1, T0.plusSeconds(i)));
        }
        assertThat(board.rowsOf("otog")).hasSize(CoverageBoard.ROWS_PER_PARK)
            .extracting(CoverageRow::entityClass).doesNotContain("class-0", "class-9").contains("class-73");
    }
}
