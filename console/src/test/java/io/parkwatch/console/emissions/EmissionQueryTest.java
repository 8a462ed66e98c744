package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.contracts.registry.ParkZones;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmissionQueryTest {

    private static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private static EmissionQuery parse(String query) throws BadParameterException {
        return EmissionQuery.parse(QueryParameters.of(URI.create("/api/v1/emissions?" + query),
            EmissionQuery.PARAMETERS), ParkZones.fixed(PARK), CLOCK);
    }

    private static BadParameterException refusal(String query) {
        try {
            parse(query);
        } catch (BadParameterException e) {
            return e;
        }
        throw new AssertionError("accepted " + query);
    }

    @Test
    void defaultsToTheLastDayHourlyAsJsonForEveryPollutant() throws Exception {
        EmissionQuery query = parse("");
        assertThat(query.interval()).isEqualTo(Interval.HOUR);
        assertThat(query.csv()).isFalse();
        assertThat(query.to()).isEqualTo(CLOCK.instant());
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
        assertThat(query.pollutants()).containsExactly(Pollutant.PARTICULATE, Pollutant.SO2, Pollutant.NOX);
    }

    @Test
    void readsPollutantsByCodeOrNameAndDatesAsParkMidnight() throws Exception {
        EmissionQuery query = parse("pollutant=a21026,NOx&from=2026-11-01&to=2026-11-02T00:00:00%2B08:00"
            + "&interval=1d&format=csv&enterprise=e001&point=stack-01");
        assertThat(query.pollutants()).containsExactly(Pollutant.SO2, Pollutant.NOX);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
        assertThat(query.interval()).isEqualTo(Interval.DAY);
        assertThat(query.csv()).isTrue();
        assertThat(query.enterprise()).contains("e001");
    }

    @Test
    void readsAnyFactorByCodeOldCodeOrNameInTheOrderAsked() throws Exception {
        assertThat(parse("pollutant=w01018,060,%E4%BA%8C%E6%B0%A7%E5%8C%96%E7%A1%AB,Carbon%20Monoxide,so2")
            .pollutants()).extracting(Pollutant::code).containsExactly("w01018", "w21003", "a21026", "a21005");
    }

    @Test
    void anUnknownPollutantIsRefusedNamingItAndTheFactorList() {
        BadParameterException e = refusal("pollutant=so2,unobtainium");
        assertThat(e.parameter()).isEqualTo("pollutant");
        assertThat(e.getMessage()).contains("\"unobtainium\"").contains("GET /api/v1/factors");
    }

    @Test
    void badParametersAreRefusedByName() {
        assertThat(refusal("interval=5m").parameter()).isEqualTo("interval");
        assertThat(refusal("format=xml").parameter()).isEqualTo("format");
        assertThat(refusal("from=yesterday").parameter()).isEqualTo("from");
        assertThat(refusal("from=2026-11-02&to=2026-11-01").parameter()).isEqualTo("from");
        assertThat(refusal("enterprise=e'001").parameter()).isEqualTo("enterprise");
        assertThat(refusal("tz=Mars/Olympus").parameter()).isEqualTo("tz");
        assertThat(refusal("stack=1").parameter()).isEqualTo("stack");
        assertThat(refusal("point=a&point=b").parameter()).isEqualTo("point");
    }
}
