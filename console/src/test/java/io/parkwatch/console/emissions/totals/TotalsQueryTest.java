package io.parkwatch.console.emissions.totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.console.emissions.Pollutant;
import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.contracts.registry.ParkZones;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TotalsQueryTest {

    private static final Instant NOW = Instant.parse("2026-11-05T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static TotalsQuery parse(String query) throws BadParameterException {
        return TotalsQuery.parse(QueryParameters.of(URI.create("/api/v1/emissions/totals?" + query),
            TotalsQuery.PARAMETERS), ParkZones.fixed(ParkZones.DEFAULT), CLOCK);
    }

    @Test
    void withoutParametersItIsMonthsOfTheYearToDateInTheParkZone() throws Exception {
        TotalsQuery query = parse("");
        assertThat(query.period()).isEqualTo(TotalPeriod.MONTH);
        assertThat(query.from()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(query.to()).isEqualTo(NOW);
        assertThat(query.pollutants()).isEqualTo(Pollutant.DEFAULTS);
    }

    @Test
    void aLaterFromStillReadsTheYearToDateForTheAllowance() throws Exception {
        TotalsQuery query = parse("from=2026-11-02&to=2026-11-03&period=day");
        assertThat(query.asOf(NOW)).isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
        assertThat(query.readFrom(NOW)).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        // A range running into the future is compared as of now.
        assertThat(parse("from=2026-11-01&to=2027-01-01").asOf(NOW)).isEqualTo(NOW);
    }

    @Test
    void badParametersAreRefusedByName() {
        assertThatThrownBy(() -> parse("period=week")).isInstanceOf(BadParameterException.class)
            .extracting("parameter").isEqualTo("period");
        assertThatThrownBy(() -> parse("interval=1h")).isInstanceOf(BadParameterException.class)
            .extracting("parameter").isEqualTo("interval");
        assertThatThrownBy(() -> parse("enterprise=e1'%20OR%201=1")).isInstanceOf(BadParameterException.class)
            .extracting("parameter").isEqualTo("enterprise");
        assertThatThrownBy(() -> parse("pollutant=unobtainium")).isInstanceOf(BadParameterException.class)
            .extracting("parameter").isEqualTo("pollutant");
    }

    @Test
    void theStatementReadsTheHourlyAggregatesOfThePollutantAndItsFlow() throws Exception {
        TotalsQuery query = parse("enterprise=e001&pollutant=so2&from=2026-11-02&to=2026-11-03");
        assertThat(InfluxQlHourlyEmissions.statement(query, query.from(), query.to()))
            .startsWith("SELECT \"mean\", \"count\", \"good_count\" FROM \"agg_1h\".\"aggregate\" WHERE "
                + "\"window\" = '1h' AND \"enterprise\" = 'e001' AND (\"metric\" = 'a21026-Cou-hour' OR "
                + "\"metric\" = 'a21026-Avg-hour' OR \"metric\" = 'a21026-Rtd' OR \"metric\" = 'a00000-Avg-hour' OR "
                + "\"metric\" = 'a00000-Rtd')")
            .endsWith("GROUP BY \"park\", \"enterprise\", \"point\", \"metric\"");
    }
}
