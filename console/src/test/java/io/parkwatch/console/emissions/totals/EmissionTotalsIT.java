package io.parkwatch.console.emissions.totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.emissions.InfluxFixture;
import io.parkwatch.console.emissions.InfluxQlEmissionHistory;
import io.parkwatch.console.emissions.UltraLowEmissionLimits;
import io.parkwatch.console.http.BureauApi;
import io.parkwatch.console.http.ConsoleHttpServer;
import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.overview.Overview;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.testkit.SharedServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Totals and validity marks through a real influxd: hourly aggregates in, the API's answers out. */
class EmissionTotalsIT {

    private static final String DB = "emission_totals_it";
    /** 2026-11-02 00:00 in the park (UTC+8). */
    private static final long DAY_START = Instant.parse("2026-11-01T16:00:00Z").getEpochSecond();
    private static final String BUREAU = "bureau-token-0123456789";
    private static final String E002 = "enterprise-e002-token-0123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static ConsoleHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        String url = SharedServers.influxd().url();
        InfluxFixture influx = new InfluxFixture(url, DB);
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            long at = DAY_START + h * 3600L;
            // The logger's hourly SO2 emission, 2 kg an hour; hour 5 is flagged (not N).
            hours.add(line("a21026-Cou-hour", at, 2.0, 1, h == 5 ? 0 : 1));
            // Real-time SO2: hour 7 runs at 50 mg/m3 with only half its values normal.
            hours.add(line("a21026-Rtd", at, h == 7 ? 50 : 30, 120, h == 7 ? 60 : 120));
        }
        influx.write("agg_1h", hours);
        Path tokens = dir.resolve("api-tokens.properties");
        Files.writeString(tokens, "bureau=bureau:" + BUREAU + "\ne002=enterprise:e002:" + E002 + "\n");
        server = new ConsoleHttpServer("127.0.0.1", 0, () -> new Overview("5m", 0, List.of(), Instant.EPOCH),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        ChunkedInfluxQl chunked = ChunkedInfluxQl.of(url, DB, Optional.empty(), null);
        Clock clock = Clock.fixed(Instant.parse("2026-11-05T00:00:00Z"), ZoneOffset.UTC);
        ApiTokens apiTokens = ApiTokens.load(tokens);
        BureauApi.register(server, apiTokens, new InfluxQlEmissionHistory(chunked, new UltraLowEmissionLimits()),
            (query, rows) -> {
            }, ParkZones.fixed(ParkZones.DEFAULT), clock);
        PermitAllowance tenTonnes = (park, enterprise, point, pollutant) -> Optional.of(
            new PermitAllowance.OutletAllowance("P1", "DA001", List.of(point), 10));
        BureauApi.registerTotals(server, apiTokens, new InfluxQlHourlyEmissions(chunked), tenTonnes,
            ParkZones.fixed(ParkZones.DEFAULT), clock);
        server.start();
    }

    private static String line(String metric, long at, double mean, long count, long good) {
        return "aggregate,domain=EMISSIONS,enterprise=e001,metric=" + metric + ",park=xilinhot,point=stack-01,window=1h "
            + "mean=" + mean + ",min=" + mean + ",max=" + mean + ",count=" + count + "i,good_count=" + good + "i " + at;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode get(String token, String pathAndQuery, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + server.port() + pathAndQuery)).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    @Test
    void aDaysTotalCountsTheValidCouHoursAndComparesTheYearToDateWithTheAllowance() throws Exception {
        JsonNode body = get(BUREAU, "/api/v1/emissions/totals?enterprise=e001&pollutant=so2&period=day"
            + "&from=2026-11-02&to=2026-11-03", 200);
        assertThat(body.path("rows")).hasSize(1);
        JsonNode row = body.path("rows").path(0);
        assertThat(row.path("period_start").asText()).isEqualTo("2026-11-02T00:00:00+08:00");
        assertThat(row.path("method").asText()).isEqualTo("cou");
        // 23 valid hours x 2 kg; the flagged hour's 2 kg is reported apart.
        assertThat(row.path("total_kg").asDouble()).isEqualTo(46.0);
        assertThat(row.path("valid_hours").asLong()).isEqualTo(23);
        assertThat(row.path("invalid_hours").asLong()).isEqualTo(1);
        assertThat(row.path("invalid_kg").asDouble()).isEqualTo(2.0);
        assertThat(body.path("invalid_hours").path(0).path("hour").asText()).isEqualTo("2026-11-01T21:00:00Z");
        JsonNode allowance = body.path("allowances").path(0);
        assertThat(allowance.path("used_kg").asDouble()).isEqualTo(46.0);
        assertThat(allowance.path("annual_allowance_kg").asDouble()).isEqualTo(10_000.0);
        assertThat(allowance.path("share_used").asDouble()).isCloseTo(0.0046, within(1e-12));
        // As of 2026-11-03 00:00 in the park, 306 of 365 days: 46 x 365 / 306.
        assertThat(allowance.path("projected_kg").asDouble()).isCloseTo(46.0 * 365 / 306, within(1e-9));
    }

    @Test
    void anHourWithTooFewNormalValuesIsShownInvalidAndNotJudged() throws Exception {
        JsonNode rows = get(BUREAU, "/api/v1/emissions?enterprise=e001&pollutant=a21026&from=2026-11-02"
            + "&to=2026-11-03&interval=1h", 200).path("rows");
        JsonNode hour7 = null;
        for (JsonNode row : rows) {
            if (row.path("metric").asText().equals("a21026-Rtd") && row.path("time").asText()
                .equals("2026-11-01T23:00:00Z")) {
                hour7 = row;
            }
        }
        assertThat(hour7).isNotNull();
        assertThat(hour7.path("mean").asDouble()).isEqualTo(50.0);
        assertThat(hour7.path("valid").asBoolean()).isFalse();
        assertThat(hour7.path("invalid_reason").asText()).isEqualTo("TOO_FEW_NORMAL(60 of 120 values)");
        assertThat(hour7.path("exceeded").isNull()).isTrue();
    }

    @Test
    void aPollutantThePlantDoesNotEmitAndAnotherEnterprisesDataAnswerEmpty() throws Exception {
        assertThat(get(BUREAU, "/api/v1/emissions/totals?enterprise=e001&pollutant=nox&from=2026-11-02", 200)
            .path("rows")).isEmpty();
        assertThat(get(E002, "/api/v1/emissions/totals?pollutant=so2&from=2026-11-02", 200).path("rows")).isEmpty();
        get(E002, "/api/v1/emissions/totals?enterprise=e001", 403);
    }
}
