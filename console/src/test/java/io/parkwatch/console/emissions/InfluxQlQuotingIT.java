package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.influxql.InfluxQl;
import io.parkwatch.console.influxql.SeriesRow;
import io.parkwatch.testkit.SharedServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quoting of {@link InfluxQl} against influxd's own parser: awkward values match exactly
 * their own series, and values built to break out of the literal match nothing and still parse.
 */
class InfluxQlQuotingIT {

    private static final String DB = "influxql_quoting_it";
    private static final List<String> AWKWARD = List.of("plain", "o'brien", "back\\slash", "quote\"d", "企业");
    private static ChunkedInfluxQl influx;

    @BeforeAll
    static void write() throws Exception {
        String url = SharedServers.influxd().url();
        InfluxFixture fixture = new InfluxFixture(url, DB);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < AWKWARD.size(); i++) {
            lines.add("reading,park=" + AWKWARD.get(i) + " value=" + i + " " + (1_790_000_000L + i));
        }
        fixture.write("raw", lines);
        influx = ChunkedInfluxQl.of(url, DB, Optional.empty(), null);
    }

    private static List<SeriesRow> parkEquals(String value) throws Exception {
        List<SeriesRow> rows = new ArrayList<>();
        influx.query("SELECT \"value\" FROM \"reading\" WHERE " + InfluxQl.tagEquals("park", value)
            + " GROUP BY \"park\"", rows::add);
        return rows;
    }

    @Test
    void anAwkwardValueMatchesExactlyItsOwnSeries() throws Exception {
        for (int i = 0; i < AWKWARD.size(); i++) {
            List<SeriesRow> rows = parkEquals(AWKWARD.get(i));
            assertThat(rows).as(AWKWARD.get(i)).hasSize(1);
            assertThat(rows.get(0).tag("park")).isEqualTo(AWKWARD.get(i));
            assertThat(rows.get(0).number("value")).isEqualTo(i);
        }
    }

    @Test
    void aValueBuiltToEscapeItsLiteralMatchesNothing() throws Exception {
        for (String hostile : List.of("x' OR park =~ /.*/ OR park = 'y", "x\\' OR 1=1 OR park = '", "x\\",
                "x\nSELECT * FROM reading", "plain' OR '1'='1", "\" OR \"park\" =~ /.*/")) {
            assertThat(parkEquals(hostile)).as(hostile).isEmpty();
        }
    }
}
