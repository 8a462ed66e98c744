package io.parkwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.registry.Module;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoveragePointsTest {

    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void aCoverageRowBecomesOnePointPerParkModuleAndClass() {
        CoverageRow row = new CoverageRow("p", Module.ENERGY, "key-energy-user-meters", 4, 3, 1.0,
            List.of("p/e1/water"), false, AT);
        assertThat(CoveragePoints.coverage(row).toLineProtocol()).isEqualTo(
            "coverage,class=key-energy-user-meters,module=ENERGY,park=p compliant=false,live=3i,ratio=0.75,"
                + "required=4i,silent=\"p/e1/water\",target=1.0 " + AT.toEpochMilli() * 1_000_000);
    }

    @Test
    void aCompletenessRowIsStampedWithItsDayAndRollUpsCarryNoPointTag() {
        Instant dayStart = Instant.parse("2026-11-22T16:00:00Z");
        CompletenessRow point = new CompletenessRow(CompletenessRow.POINT, "p", "e1", "elec", LocalDate.of(2026, 11, 23),
            dayStart, 24, 21, 21, 0, 0, 0.9, null, 1, 0, AT);
        assertThat(CoveragePoints.completeness(point).toLineProtocol())
            .startsWith("completeness,enterprise=e1,level=point,park=p,point=elec ")
            .contains("expected=24i", "received=21i", "ratio=0.875", "target=0.9", "compliant=false")
            .endsWith(" " + dayStart.toEpochMilli() * 1_000_000);
        CompletenessRow park = new CompletenessRow(CompletenessRow.PARK, "p", null, null, LocalDate.of(2026, 11, 23),
            dayStart, 168, 163, 160, 24, 22, null, null, 2, 1, AT);
        assertThat(CoveragePoints.completeness(park).toLineProtocol())
            .startsWith("completeness,level=park,park=p ").contains("valid_hours=22i", "points=2i");
    }
}
