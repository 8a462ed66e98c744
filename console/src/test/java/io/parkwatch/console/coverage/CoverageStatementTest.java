package io.parkwatch.console.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoverageStatementTest {

    @Test
    void currentCoverageIsTheNewestRowPerSeries() {
        assertThat(CoverageStatement.of(new CoverageQuery(Optional.of("xilinhot"), Optional.empty(),
            Instant.parse("2026-11-23T08:00:00Z")))).isEqualTo(
            "SELECT \"required\", \"live\", \"ratio\", \"target\", \"compliant\" FROM \"coverage\""
                + " WHERE \"park\" = 'xilinhot' GROUP BY \"park\", \"module\", \"class\" ORDER BY time DESC LIMIT 1");
    }

    @Test
    void historyIsEveryRowInTheRange() {
        assertThat(CoverageStatement.of(new CoverageQuery(Optional.empty(),
            Optional.of(Instant.parse("2026-11-22T00:00:00Z")), Instant.parse("2026-11-23T00:00:00Z"))))
            .isEqualTo("SELECT \"required\", \"live\", \"ratio\", \"target\", \"compliant\" FROM \"coverage\""
                + " WHERE time >= '2026-11-22T00:00:00Z' AND time < '2026-11-23T00:00:00Z'"
                + " GROUP BY \"park\", \"module\", \"class\"");
    }
}
