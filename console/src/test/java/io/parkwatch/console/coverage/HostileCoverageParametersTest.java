package io.parkwatch.console.coverage;

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
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile values in every coverage parameter: refused by name, and never out of their quotes. */
class HostileCoverageParametersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
    private static final Instant FROM = Instant.parse("2026-11-22T00:00:00Z");

    static Stream<Arguments> everyParameterAndValue() {
        return CoverageQuery.PARAMETERS.stream().sorted()
            .flatMap(name -> HostileValues.ALL.stream().map(value -> Arguments.of(name, value)));
    }

    /** Refused as a 400 naming the parameter, or (surrounding whitespace stripped) the same statement as "x". */
    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("everyParameterAndValue")
    void aHostileValueIsRefusedNamingItsParameterOrChangesNoClause(String name, String value) throws Exception {
        CoverageQuery query;
        try {
            query = parse(name, value);
        } catch (BadParameterException e) {
            assertThat(e.parameter()).isEqualTo(name);
            return;
        }
        assertThat(value.strip()).as("only a value that strips to a plain identifier is accepted")
            .matches("[A-Za-z0-9_.:-]{1,64}");
        assertThat(InfluxQlTokens.scan(CoverageStatement.of(query)).skeleton())
            .isEqualTo(InfluxQlTokens.scan(CoverageStatement.of(parse(name, "x"))).skeleton());
    }

    private static CoverageQuery parse(String name, String value) throws BadParameterException {
        // With a valid from beside it, so that "to" is judged on its own value.
        String other = name.equals("from") ? "" : "&from=2026-11-22";
        URI uri = URI.create("/api/v1/coverage?" + HostileValues.pair(name, value) + other);
        return CoverageQuery.parse(QueryParameters.of(uri, CoverageQuery.PARAMETERS), ParkZones.fixed(PARK), CLOCK);
    }

    static Stream<Arguments> values() {
        return Stream.of(true, false).flatMap(history -> HostileValues.ALL.stream()
            .map(value -> Arguments.of(history ? "history" : "current", value)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("values")
    void aHostileParkStaysInsideItsLiteral(String mode, String value) {
        Optional<Instant> from = mode.equals("history") ? Optional.of(FROM) : Optional.empty();
        String benign = CoverageStatement.of(new CoverageQuery(Optional.of("x"), from, CLOCK.instant()));
        String hostile = CoverageStatement.of(new CoverageQuery(Optional.of(value), from, CLOCK.instant()));

        InfluxQlTokens tokens = InfluxQlTokens.scan(hostile);
        assertThat(tokens.skeleton()).isEqualTo(InfluxQlTokens.scan(benign).skeleton());
        assertThat(tokens.literals().get(0)).isEqualTo(value);
    }
}
