package io.parkwatch.console.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.influxql.HostileValues;
import io.parkwatch.console.influxql.InfluxQlTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastReadingsStatementTest {

    @Test
    void pointAndEnterpriseKeysBecomeTagConditions() {
        String statement = InfluxQlLastReadings.statement("otog", List.of("otog/e001/elec-01", "otog/e002"),
            Duration.ofDays(30));
        assertThat(statement).contains("FROM \"reading\", \"position\"").contains("time > now() - 720h")
            .contains("(\"enterprise\" = 'e001' AND \"point\" = 'elec-01') OR \"enterprise\" = 'e002'")
            .endsWith("GROUP BY \"enterprise\", \"point\"");
    }

    @Test
    void aHostileKeyNeverLeavesItsLiterals() {
        String benign = InfluxQlTokens.scan(InfluxQlLastReadings.statement("p", List.of("p/e/x"), Duration.ofDays(1)))
            .skeleton();
        for (String value : HostileValues.ALL) {
            String hostile = InfluxQlLastReadings.statement(value, List.of("p/e/" + value.replace("/", "")),
                Duration.ofDays(1));
            assertThat(InfluxQlTokens.scan(hostile).skeleton()).as(value).isEqualTo(benign);
        }
    }
}
