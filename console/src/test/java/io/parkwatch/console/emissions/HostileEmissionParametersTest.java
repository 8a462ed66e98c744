package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.console.influxql.HostileValues;
import io.parkwatch.console.influxql.InfluxQlTokens;
import io.parkwatch.contracts.registry.ParkZones;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile values in every emission parameter: each is refused as a 400 naming the parameter,
 * and, one layer down, a hostile identifier that somehow reached the statement would still sit
 * inside its quotes.
 */
class HostileEmissionParametersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId PARK = ZoneId.of("Asia/Shanghai");

    static Stream<Arguments> everyParameterAndValue() {
        return EmissionQuery.PARAMETERS.stream().sorted()
            .flatMap(name -> HostileValues.ALL.stream().map(value -> Arguments.of(name, value)));
    }

    /** Refused as a 400 naming the parameter, or (surrounding whitespace stripped) the same statement as "x". */
    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("everyParameterAndValue")
    void aHostileValueIsRefusedNamingItsParameterOrChangesNoClause(String name, String value) throws Exception {
        EmissionQuery query;
        try {
            query = parse(HostileValues.pair(name, value));
        } catch (BadParameterException e) {
            assertThat(e.parameter()).isEqualTo(name);
            return;
        }
        assertThat(value.strip()).as("only a value that strips to a plain identifier is accepted")
            .matches("[A-Za-z0-9_.:-]{1,64}");
        assertThat(InfluxQlTokens.scan(EmissionStatement.of(query)).skeleton())
            .isEqualTo(InfluxQlTokens.scan(EmissionStatement.of(parse(HostileValues.pair(name, "x")))).skeleton());
    }

    private static EmissionQuery parse(String pair) throws BadParameterException {
        URI uri = URI.create("/api/v1/emissions?" + pair);
        return EmissionQuery.parse(QueryParameters.of(uri, EmissionQuery.PARAMETERS), ParkZones.fixed(PARK), CLOCK);
    }

    static Stream<Arguments> statementValues() {
        return Stream.of(Interval.values())
            .flatMap(interval -> HostileValues.ALL.stream().map(value -> Arguments.of(interval, value)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("statementValues")
    void aHostileIdentifierStaysInsideItsLiteral(Interval interval, String value) {
        String benign = EmissionStatement.of(query(interval, "x"));
        String hostile = EmissionStatement.of(query(interval, value));

        InfluxQlTokens tokens = InfluxQlTokens.scan(hostile);
        assertThat(tokens.skeleton()).as("no clause added or removed").isEqualTo(InfluxQlTokens.scan(benign).skeleton());
        assertThat(tokens.literals()).as("the value comes back whole, three times").filteredOn(value::equals)
            .hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Interval.class)
    void theBenignStatementScansToTheExpectedLiterals(Interval interval) {
        List<String> literals = InfluxQlTokens.scan(EmissionStatement.of(query(interval, "x"))).literals();
        assertThat(literals).filteredOn("x"::equals).hasSize(3);
        assertThat(literals).contains("a21026", "2026-11-01T16:00:00Z", "2026-11-03T16:00:00Z");
    }

    private static EmissionQuery query(Interval interval, String id) {
        return new EmissionQuery(Optional.of(id), Optional.of(id), Optional.of(id), List.of(Pollutant.SO2),
            Instant.parse("2026-11-01T16:00:00Z"), Instant.parse("2026-11-03T16:00:00Z"), interval, false, PARK);
    }
}
