package io.parkwatch.streams.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.registry.Module;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParkOutputTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void eachKindCarriesOnlyItsOwnValueSoEachTopicGetsOnlyItsOwnRows() {
        CompletenessRow row = new CompletenessRow(CompletenessRow.POINT, "p", "e", "pt", LocalDate.of(2026, 11, 23),
            NOW, 10, 9, 9, 0, 0, null, null, 1, 0, NOW);
        ParkOutput completeness = new ParkOutput.Completeness(row);

        assertThat(completeness.completenessRow()).isSameAs(row);
        assertThat(completeness.coverageRow()).isNull();
        assertThat(completeness.dataGapEvent()).isNull();
    }

    @Test
    void aDataGapCarriesItsEventAndNoRow() {
        ParkOutput gap = new ParkOutput.DataGap(DataGaps.cleared(GapSubject.ofKey("p/e/pt"), NOW, "back", NOW));

        assertThat(gap.dataGapEvent().alertId()).isEqualTo("data-gap:p/e/pt");
        assertThat(gap.coverageRow()).isNull();
        assertThat(gap.completenessRow()).isNull();
    }

    @Test
    void aCoverageOutputCarriesItsRowOnly() {
        CoverageRow row = new CoverageRow("p", Module.ENERGY, "key-energy-user-meters", 4, 3, 1.0, List.of("p/e/m"),
            false, NOW);
        ParkOutput coverage = new ParkOutput.Coverage(row);

        assertThat(coverage.coverageRow()).isSameAs(row);
        assertThat(coverage.dataGapEvent()).isNull();
        assertThat(coverage.completenessRow()).isNull();
    }
}
