package io.parkwatch.console.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.influxql.HostileValues;
import io.parkwatch.console.influxql.InfluxQlTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PositionStatementTest {

    @Test
    void tracksAreTheNewestFixesPerVehicleOfTheParkWithinTheWindow() {
        String statement = InfluxQlVehiclePositions.statement("otog", Duration.ofMinutes(30), 60);
        assertThat(statement).isEqualTo("SELECT \"lat\", \"lon\", \"speed\", \"heading\" FROM \"position\" WHERE "
            + "\"park\" = 'otog' AND time > now() - 1800s GROUP BY \"enterprise\", \"point\" ORDER BY time DESC "
            + "LIMIT 60");
    }

    @Test
    void aParkValueNeverLeavesItsLiteral() {
        String benign = InfluxQlTokens.scan(InfluxQlVehiclePositions.statement("x", Duration.ofMinutes(1), 5))
            .skeleton();
        for (String value : HostileValues.ALL) {
            InfluxQlTokens tokens = InfluxQlTokens.scan(InfluxQlVehiclePositions.statement(value,
                Duration.ofMinutes(1), 5));
            assertThat(tokens.skeleton()).as(value).isEqualTo(benign);
            assertThat(tokens.literals().get(0)).isEqualTo(value);
        }
    }
}
