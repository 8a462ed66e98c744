package io.parkwatch.console.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parkwatch.console.endpoint.BadParameterException;
import io.parkwatch.console.endpoint.QueryParameters;
import io.parkwatch.console.influxql.HostileValues;
import io.parkwatch.console.influxql.InfluxQlTokens;
import java.net.URI;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile values in every series parameter: refused by name, or never out of their quotes. */
class HostileSeriesParametersTest {

    private static final Instant FROM = Instant.parse("2026-11-28T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-29T08:00:00Z");

    static Stream<Arguments> everyParameterAndValue() {
        return SeriesQuery.PARAMETERS.stream().sorted()
            .flatMap(name -> HostileValues.ALL.stream().map(value -> Arguments.of(name, value)));
    }

    private static SeriesQuery parse(String query) throws BadParameterException {
        return SeriesQuery.parse(QueryParameters.of(URI.create("/api/v1/points/series?" + query),
            SeriesQuery.PARAMETERS));
    }

    private static String statements(SeriesQuery query) {
        String metric = query.metric().orElse("m");
        return SeriesStatement.metrics(query) + "\n" + SeriesStatement.readings(query, metric, FROM, TO, 10) + "\n"
            + SeriesStatement.hourly(query, metric, FROM, TO);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("everyParameterAndValue")
    void aHostileValueIsRefusedNamingItsParameterOrChangesNoClause(String name, String value) throws Exception {
        String others = name.equals("point") ? "" : "&point=p/e/x";
        SeriesQuery query;
        try {
            query = parse(HostileValues.pair(name, value) + others);
        } catch (BadParameterException e) {
            assertThat(e.parameter()).isEqualTo(name);
            return;
        }
        assertThat(name).isEqualTo("metric");
        SeriesQuery benign = parse("metric=x&point=p/e/x");
        assertThat(InfluxQlTokens.scan(statements(query)).skeleton())
            .isEqualTo(InfluxQlTokens.scan(statements(benign)).skeleton());
    }

    @Test
    void aPointIsThreeRegistryIdsAndHoursStayWithinAWeek() throws Exception {
        assertThat(parse("point=xilinhot/e001/stack-01").pointKey()).isEqualTo("xilinhot/e001/stack-01");
        assertThat(parse("point=p/e/x").hours()).isEqualTo(24);
        assertThat(parse("point=p/e/x&hours=168").hours()).isEqualTo(168);
        for (String bad : new String[] {"point=p/e", "point=p/e/x/y", "point=p//x", "point=p/e.1/x", "hours=0",
            "point=p/e/x&hours=169", "point=p/e/x&hours=1.5", "point=p/e/x&hours=-3", "point=p/e/x&limit=3", ""}) {
            assertThrows(BadParameterException.class, () -> parse(bad), bad);
        }
    }

    @Test
    void readingsAskOneMoreThanTheCapNewestFirst() throws Exception {
        String readings = SeriesStatement.readings(parse("point=p/e/x"), "a21026-Rtd", FROM, TO, 2000);
        assertThat(readings).endsWith("ORDER BY time DESC LIMIT 2001")
            .contains("\"metric\" = 'a21026-Rtd'").contains("time >= '2026-11-28T08:00:00Z'");
        assertThat(SeriesStatement.hourly(parse("point=p/e/x"), "m", FROM, TO))
            .contains("FROM \"agg_1h\".\"aggregate\"").contains("\"window\" = '1h'");
    }
}
