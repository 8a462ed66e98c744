package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.coverage.InfluxQlCoverageHistory;
import io.parkwatch.console.http.ConsoleHttpServer;
import io.parkwatch.console.http.BureauApi;
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

/** The bureau API against a real influxd: emission history at every interval, coverage, tokens and errors. */
class BureauApiIT {

    private static final String DB = "bureau_api_it";
    /** 2026-11-02 00:00 in the park (UTC+8). */
    private static final long DAY_START = Instant.parse("2026-11-01T16:00:00Z").getEpochSecond();
    private static final String OPERATOR = "operator-token-0123456789";
    private static final String BUREAU = "bureau-token-0123456789";
    private static final String E002 = "enterprise-e002-token-0123";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static ConsoleHttpServer server;
    private static InfluxDBClient client;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        String url = SharedServers.influxd().url();
        InfluxFixture influx = new InfluxFixture(url, DB);
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 48; h++) {
            // SO2 hourly means 30..39: hours with mean > 35 exceed the ultra-low limit.
            hours.add(InfluxFixture.hourly("e001", "stack-01", "a21026-Rtd", DAY_START + h * 3600L, 30 + h % 10, 120,
                h % 2 == 0 ? 120 : 90));
            hours.add(InfluxFixture.hourly("e002", "stack-01", "a34013", DAY_START + h * 3600L, 5, 60, 60));
        }
        // A data logger's own hourly NOx average at the reference O2 (HJ 212 CN 2061, ZsAvg).
        hours.add(InfluxFixture.hourly("e003", "stack-02", "a21002-ZsAvg-hour", DAY_START, 52, 1, 1));
        // A wastewater outfall's COD (HJ 212 w01018), which has no limit here.
        hours.add(InfluxFixture.hourly("e004", "outfall-01", "w01018-Avg-hour", DAY_START, 42, 6, 6));
        influx.write("agg_1h", hours);
        influx.write("raw", List.of(
            "reading,domain=EMISSIONS,enterprise=e001,metric=a21026-Rtd,park=xilinhot,point=stack-01,quality=N,"
                + "unit=mg/m3 value=31.5,message_id=\"m1\" " + DAY_START,
            "reading,domain=EMISSIONS,enterprise=e001,metric=a21026-Rtd,park=xilinhot,point=stack-01,quality=D,"
                + "unit=mg/m3 value=80,message_id=\"m2\" " + (DAY_START + 30),
            "reading,domain=ENERGY,enterprise=e001,metric=active_power,park=xilinhot,point=elec-01,quality=N,"
                + "unit=kW value=400,message_id=\"m3\" " + DAY_START));
        influx.write("raw", List.of(
            "coverage,class=key-energy-users,module=ENERGY,park=xilinhot required=10i,live=8i,ratio=0.8,target=0.9,"
                + "compliant=false " + DAY_START,
            "coverage,class=key-energy-users,module=ENERGY,park=xilinhot required=10i,live=10i,ratio=1.0,target=0.9,"
                + "compliant=true " + (DAY_START + 60),
            "coverage,class=key-polluters,module=ENVIRONMENT,park=xilinhot required=4i,live=4i,ratio=1.0,target=1.0,"
                + "compliant=true " + DAY_START));
        Path tokens = dir.resolve("api-tokens.properties");
        Files.writeString(tokens, "ops=operator:" + OPERATOR + "\nbureau=bureau:" + BUREAU + "\ne002=enterprise:e002:"
            + E002 + "\n");
        server = new ConsoleHttpServer("127.0.0.1", 0, () -> new Overview("5m", 0, List.of(), Instant.EPOCH),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        ChunkedInfluxQl chunked = ChunkedInfluxQl.of(url, DB, Optional.empty(), null);
        client = InfluxDBClientFactory.createV1(url, null, null, DB, null);
        BureauApi.register(server, ApiTokens.load(tokens), new InfluxQlEmissionHistory(chunked,
            new UltraLowEmissionLimits()), new InfluxQlCoverageHistory(chunked, client.getInfluxQLQueryApi(), DB),
            ParkZones.fixed(ParkZones.DEFAULT),
            Clock.fixed(Instant.parse("2026-11-05T00:00:00Z"), ZoneOffset.UTC));
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (client != null) {
            client.close();
        }
    }

    static HttpResponse<String> get(String token, String pathAndQuery) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
            + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void hourlyRowsCarryTheLimitTheExceedanceAndTheGoodShare() throws Exception {
        HttpResponse<String> response = get(BUREAU, "/api/v1/emissions?enterprise=e001&pollutant=so2"
            + "&from=2026-11-02&to=2026-11-03&interval=1h");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("complete").asBoolean()).isTrue();
        assertThat(body.path("row_count").asInt()).isEqualTo(24);
        JsonNode sixth = body.path("rows").path(6);
        assertThat(sixth.path("time").asText()).isEqualTo("2026-11-01T22:00:00Z");
        assertThat(sixth.path("pollutant").asText()).isEqualTo("a21026");
        assertThat(sixth.path("point").asText()).isEqualTo("stack-01");
        assertThat(sixth.path("mean").asDouble()).isEqualTo(36.0);
        assertThat(sixth.path("limit").asDouble()).isEqualTo(35.0);
        assertThat(sixth.path("exceeded").asBoolean()).isTrue();
        assertThat(sixth.path("good_share").asDouble()).isEqualTo(1.0);
        assertThat(body.path("rows").path(5).path("exceeded").asBoolean()).isFalse();
        assertThat(body.path("rows").path(5).path("good_share").asDouble()).isEqualTo(0.75);
    }

    @Test
    void daysAreComputedFromHoursMidnightToMidnightInTheParkZone() throws Exception {
        JsonNode body = json(get(OPERATOR, "/api/v1/emissions?enterprise=e001&pollutant=a21026&from=2026-11-02"
            + "&to=2026-11-04&interval=1d"));
        assertThat(body.path("rows")).hasSize(2);
        JsonNode first = body.path("rows").path(0);
        assertThat(first.path("time").asText()).isEqualTo("2026-11-02T00:00:00+08:00");
        assertThat(first.path("count").asLong()).isEqualTo(24 * 120);
        assertThat(first.path("good_count").asLong()).isEqualTo(12 * 120 + 12 * 90);
        // The mean of the 24 hourly means 30..39, 30..39, 30..33.
        assertThat(first.path("mean").asDouble()).isEqualTo(34.0);
        assertThat(first.path("max").asDouble()).isEqualTo(41.0);
        assertThat(first.path("exceeded").asBoolean()).isFalse();
    }

    @Test
    void csvHasAHeaderAndOneLinePerHour() throws Exception {
        HttpResponse<String> response = get(BUREAU, "/api/v1/emissions?pollutant=particulate&from=2026-11-02"
            + "&to=2026-11-03&interval=1h&format=csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("text/csv"));
        String[] lines = response.body().split("\r\n");
        assertThat(lines).hasSize(25);
        assertThat(lines[0]).isEqualTo(EmissionCsv.HEADER);
        assertThat(lines[1]).isEqualTo("2026-11-01T16:00:00Z,xilinhot,e002,stack-01,a34013,a34013,5,4,7,60,60,1,10,"
            + "false,measured,mg/m3,烟尘,Smoke and dust (particulate matter),true,,ultra-low");
    }

    @Test
    void theLoggersHourlyAverageAtTheReferenceOxygenIsServedAndJudgedAgainstTheLimit() throws Exception {
        JsonNode rows = json(get(BUREAU, "/api/v1/emissions?enterprise=e003&pollutant=nox&from=2026-11-02"
            + "&to=2026-11-03&interval=1h")).path("rows");
        assertThat(rows).hasSize(1);
        JsonNode row = rows.path(0);
        assertThat(row.path("metric").asText()).isEqualTo("a21002-ZsAvg-hour");
        assertThat(row.path("basis").asText()).isEqualTo("reference_o2");
        assertThat(row.path("mean").asDouble()).isEqualTo(52.0);
        assertThat(row.path("limit").asDouble()).isEqualTo(50.0);
        assertThat(row.path("exceeded").asBoolean()).isTrue();
    }

    @Test
    void aWaterFactorAskedByItsChineseNameIsServedWithItsUnitAndNamesAndNoLimit() throws Exception {
        HttpResponse<String> response = get(BUREAU, "/api/v1/emissions?pollutant=%E5%8C%96%E5%AD%A6%E9%9C%80%E6%B0%A7"
            + "%E9%87%8F&from=2026-11-02&to=2026-11-03&interval=1h");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode rows = json(response).path("rows");
        assertThat(rows).hasSize(1);
        JsonNode row = rows.path(0);
        assertThat(row.path("pollutant").asText()).isEqualTo("w01018");
        assertThat(row.path("point").asText()).isEqualTo("outfall-01");
        assertThat(row.path("unit").asText()).isEqualTo("mg/L");
        assertThat(row.path("name_zh").asText()).isEqualTo("化学需氧量");
        assertThat(row.path("name_en").asText()).isEqualTo("Chemical oxygen demand (COD)");
        assertThat(row.path("mean").asDouble()).isEqualTo(42.0);
        assertThat(row.path("limit").isNull()).isTrue();
        assertThat(row.path("exceeded").isNull()).isTrue();
    }

    @Test
    void everyRoleThatReadsEmissionsListsTheFactors() throws Exception {
        HttpResponse<String> all = get(E002, "/api/v1/factors");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all).path("count").asInt()).isEqualTo(json(all).path("factors").size()).isGreaterThan(100);
        JsonNode cod = json(get(BUREAU, "/api/v1/factors?q=cod")).path("factors");
        assertThat(cod.findValuesAsText("code")).contains("w01018");
        assertThat(get(null, "/api/v1/factors").statusCode()).isEqualTo(401);
        assertThat(json(get(OPERATOR, "/api/v1/factors?query=x")).path("parameter").asText()).isEqualTo("query");
    }

    @Test
    void rawRowsAreSingleReadingsWithTheirQualityAndAFlaggedOneIsInvalid() throws Exception {
        JsonNode rows = json(get(BUREAU, "/api/v1/emissions?enterprise=e001&from=2026-11-02&to=2026-11-03"
            + "&interval=raw")).path("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.path(1).path("mean").asDouble()).isEqualTo(80.0);
        assertThat(rows.path(1).path("count").asLong()).isEqualTo(1);
        assertThat(rows.path(1).path("good_share").asDouble()).isZero();
        // Flagged D (instrument fault): shown, marked invalid with its flag, and never judged against the limit.
        assertThat(rows.path(1).path("valid").asBoolean()).isFalse();
        assertThat(rows.path(1).path("invalid_reason").asText()).isEqualTo("FLAG_D");
        assertThat(rows.path(1).path("exceeded").isNull()).isTrue();
        assertThat(rows.path(0).path("valid").asBoolean()).isTrue();
        assertThat(rows.path(0).path("invalid_reason").isNull()).isTrue();
    }

    @Test
    void anEnterpriseTokenReadsItsOwnEnterpriseOnly() throws Exception {
        JsonNode rows = json(get(E002, "/api/v1/emissions?from=2026-11-02&to=2026-11-03&interval=1h")).path("rows");
        assertThat(rows).hasSize(24).allSatisfy(row -> assertThat(row.path("enterprise").asText()).isEqualTo("e002"));
        HttpResponse<String> other = get(E002, "/api/v1/emissions?enterprise=e001");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(get(E002, "/api/v1/coverage").statusCode()).isEqualTo(403);
    }

    @Test
    void withoutAKnownTokenTheApiAnswers401() throws Exception {
        HttpResponse<String> none = get(null, "/api/v1/emissions");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
            value -> assertThat(value).startsWith("Bearer"));
        assertThat(get("not-a-known-token-at-all", "/api/v1/coverage").statusCode()).isEqualTo(401);
    }

    @Test
    void badParametersAnswer400NamingTheParameter() throws Exception {
        HttpResponse<String> pollutant = get(BUREAU, "/api/v1/emissions?pollutant=unobtainium");
        assertThat(pollutant.statusCode()).isEqualTo(400);
        JsonNode body = json(pollutant);
        assertThat(body.path("parameter").asText()).isEqualTo("pollutant");
        assertThat(body.path("message").asText()).contains("\"unobtainium\"", "/api/v1/factors");
        HttpResponse<String> interval = get(BUREAU, "/api/v1/emissions?interval=1w");
        assertThat(interval.statusCode()).isEqualTo(400);
        assertThat(json(interval).path("parameter").asText()).isEqualTo("interval");
        assertThat(json(get(BUREAU, "/api/v1/coverage?from=later")).path("parameter").asText()).isEqualTo("from");
        HttpResponse<String> injected = get(BUREAU, "/api/v1/emissions?enterprise=e001%27%20OR%201%3D1");
        assertThat(injected.statusCode()).isEqualTo(400);
        assertThat(json(injected).path("parameter").asText()).isEqualTo("enterprise");
        HttpResponse<String> regex = get(BUREAU, "/api/v1/coverage?park=%2F.*%2F");
        assertThat(regex.statusCode()).isEqualTo(400);
        assertThat(json(regex).path("parameter").asText()).isEqualTo("park");
    }

    @Test
    void coverageAnswersTheLatestRowPerSeriesOrItsHistory() throws Exception {
        JsonNode current = json(get(BUREAU, "/api/v1/coverage?park=xilinhot"));
        assertThat(current.path("mode").asText()).isEqualTo("current");
        assertThat(current.path("rows")).hasSize(2);
        JsonNode energy = current.path("rows").path(0).path("module").asText().equals("ENERGY")
            ? current.path("rows").path(0) : current.path("rows").path(1);
        assertThat(energy.path("module").asText()).isEqualTo("ENERGY");
        assertThat(energy.path("class").asText()).isEqualTo("key-energy-users");
        assertThat(energy.path("live").asLong()).isEqualTo(10);
        assertThat(energy.path("time").asText()).isEqualTo("2026-11-01T16:01:00Z");
        assertThat(energy.path("ratio").asDouble()).isEqualTo(1.0);
        assertThat(energy.path("target").asDouble()).isEqualTo(0.9);
        assertThat(energy.path("compliant").asBoolean()).isTrue();
        JsonNode history = json(get(OPERATOR, "/api/v1/coverage?park=xilinhot&from=2026-11-01&to=2026-11-03"));
        assertThat(history.path("mode").asText()).isEqualTo("history");
        assertThat(history.path("rows")).hasSize(3);
    }
}
