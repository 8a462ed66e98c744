package io.parkwatch.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.emissions.InfluxFixture;
import io.parkwatch.console.emissions.totals.InfluxQlHourlyEmissions;
import io.parkwatch.console.http.BureauApi;
import io.parkwatch.console.http.ConsoleHttpServer;
import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.overview.Overview;
import io.parkwatch.console.park.ParkDirectory;
import io.parkwatch.console.permits.PermitDirectory;
import io.parkwatch.console.permits.PermitOutletAllowance;
import io.parkwatch.contracts.permit.PermitRecord;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.testkit.SharedServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One month's report through a real influxd, against figures computed by hand from the hourly
 * aggregates written as the sink writes them ({@code agg_1h}). Park Asia/Shanghai, clock
 * 2026-12-05, so November 2026 is whole: 720 hours. Permit of otog/c05: outlet DA001 = stack-01,
 * SO2 200 mg/m3 at 10 % O2, hourly, 400 t/a.
 *
 * <pre>
 * stack-01 (park time)   SO2 Rtd (N of values)  O2    flow m3/s   at 10 % O2                 mass
 *   Oct 15 01:00         100 (60 of 60)         10.5  50          (October: year to date)    100 x 50 x 3600e-6 = 18 kg
 *   Nov  2 01:00         100 (60 of 60)         10.5  50          100 x 11 / 10.5 = 104.8 ok  18 kg
 *   Nov  2 02:00         150 (60 of 60)         15.75 50          150 x 11 / 5.25 = 314.3 OVER 27 kg
 *   Nov  2 03:00         300 (30 of 60)         10.5  50          invalid: 50 % N < 75 %     54 kg, apart
 *   Nov  2 04:00 and every other hour: nothing sent (missing)
 * November: hours with a value 3, valid 2, invalid 1 (TOO_FEW_NORMAL), exceedance hours 1;
 *   completeness 3 / 720, valid share 2 / 720; total 18 + 27 = 45 kg by flow x conc, 1 invalid hour.
 * Year to date as of Dec 1 00:00 +08 (334 days since Jan 1): 18 + 45 = 63 kg of 400 t = 400 000 kg,
 *   share 63 / 400 000 = 1.575e-4; projected 63 x 365 / 334 = 68.847 kg.
 * otog/c06 (no permit), stack-01: one valid hour of SO2 Rtd 20 on Nov 2 01:00 -> valid 1, "no permit loaded".
 * </pre>
 */
class MonthlyReportIT {

    private static final String DB = "monthly_report_it";
    private static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
    private static final String BUREAU = "bureau-token-0123456789";
    private static final String C05 = "enterprise-c05-token-0123";
    private static final String C06 = "enterprise-c06-token-0123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PERMIT = """
        version: 1
        permit: 91150624XXXXXXXXX5001P
        park: otog
        enterprise: c05
        outlets:
          - id: DA001
            medium: air
            points: [stack-01]
            pollutants:
              - {pollutant: a21026, limit: 200, unit: mg/m3, oxygen: 10, period: hour, annualTonnes: 400}
        """;

    @TempDir
    static Path dir;

    private static ConsoleHttpServer server;

    private static long at(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0).atZone(PARK).toEpochSecond();
    }

    private static String line(String enterprise, String metric, long at, double mean, long count, long good) {
        return "aggregate,domain=EMISSIONS,enterprise=" + enterprise + ",metric=" + metric
            + ",park=otog,point=stack-01,window=1h mean=" + mean + ",min=" + mean + ",max=" + mean + ",count=" + count
            + "i,good_count=" + good + "i " + at;
    }

    private static void hour(List<String> lines, long at, double so2, long good, double oxygen) {
        lines.add(line("c05", "a21026-Rtd", at, so2, 60, good));
        lines.add(line("c05", "a19001-Rtd", at, oxygen, 60, 60));
        lines.add(line("c05", "a00000-Rtd", at, 50, 60, 60));
    }

    @BeforeAll
    static void start() throws Exception {
        String url = SharedServers.influxd().url();
        InfluxFixture influx = new InfluxFixture(url, DB);
        List<String> lines = new ArrayList<>();
        hour(lines, at(10, 15, 1), 100, 60, 10.5);
        hour(lines, at(11, 2, 1), 100, 60, 10.5);
        hour(lines, at(11, 2, 2), 150, 60, 15.75);
        hour(lines, at(11, 2, 3), 300, 30, 10.5);
        lines.add(line("c06", "a21026-Rtd", at(11, 2, 1), 20, 60, 60));
        influx.write("agg_1h", lines);
        ParkDirectory registry = new ParkDirectory();
        PermitDirectory permits = new PermitDirectory();
        registry.apply(RegistryKeys.park("otog"), RegistryRecord.of(new ParkEntry("otog", "Otog")));
        for (String enterprise : List.of("c05", "c06")) {
            registry.apply(RegistryKeys.enterprise("otog", enterprise), RegistryRecord.of(new EnterpriseEntry("otog",
                enterprise, "plant " + enterprise, Set.of())));
            PointEntry stack = new PointEntry("otog", enterprise, "stack-01", Module.ENVIRONMENT, "cems-stack",
                Duration.ofMinutes(1), null, null);
            registry.apply(RegistryKeys.point(stack.pointKey()), RegistryRecord.of(stack));
        }
        permits.apply("otog/c05", new PermitRecord("otog", "c05", "91150624XXXXXXXXX5001P", PERMIT, "c05.yaml",
            Instant.parse("2026-01-01T00:00:00Z")));
        Path tokens = dir.resolve("api-tokens.properties");
        Files.writeString(tokens, "bureau=bureau:" + BUREAU + "\nc05=enterprise:c05:" + C05 + "\nc06=enterprise:c06:"
            + C06 + "\n");
        server = new ConsoleHttpServer("127.0.0.1", 0, () -> new Overview("5m", 0, List.of(), Instant.EPOCH),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        ChunkedInfluxQl chunked = ChunkedInfluxQl.of(url, DB, Optional.empty(), null);
        BureauApi.registerReports(server, ApiTokens.load(tokens), new MonthlyReportHandler.Sources(registry, permits,
            new InfluxQlMonthWindows(chunked), new InfluxQlHourlyEmissions(chunked), new PermitOutletAllowance(permits)),
            ParkZones.fixed(PARK), Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC));
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> get(String token, String query) throws Exception {
        return get(token, "monthly", query);
    }

    private static HttpResponse<String> get(String token, String report, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
            + "/api/v1/reports/" + report + "?" + query)).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void novembersReportMatchesTheFiguresComputedByHand() throws Exception {
        HttpResponse<String> response = get(BUREAU, "enterprise=otog/c05&month=2026-11");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("permit").asText()).isEqualTo("91150624XXXXXXXXX5001P");
        assertThat(body.path("hours_in_month").asLong()).isEqualTo(720);
        JsonNode outlet = body.path("outlets").path(0);
        assertThat(outlet.path("outlet").asText()).isEqualTo("DA001");
        JsonNode so2 = outlet.path("points").path(0).path("pollutants").path(0);
        assertThat(so2.path("hours_with_value").asLong()).isEqualTo(3);
        assertThat(so2.path("valid_hours").asLong()).isEqualTo(2);
        assertThat(so2.path("invalid_hours").asLong()).isEqualTo(1);
        assertThat(so2.path("invalid_reasons").path("TOO_FEW_NORMAL").asLong()).isEqualTo(1);
        assertThat(so2.path("exceedance_hours").asLong()).isEqualTo(1);
        assertThat(so2.path("exceedance_days").isNull()).isTrue();
        assertThat(so2.path("completeness").asDouble()).isCloseTo(3.0 / 720, within(1e-12));
        assertThat(so2.path("valid_share").asDouble()).isCloseTo(2.0 / 720, within(1e-12));
        JsonNode total = outlet.path("totals").path(0);
        assertThat(total.path("total_kg").asDouble()).isCloseTo(45.0, within(1e-9));
        assertThat(total.path("by_method").path("flow×conc").asDouble()).isCloseTo(45.0, within(1e-9));
        assertThat(total.path("invalid_hours").asLong()).isEqualTo(1);
        JsonNode year = total.path("year_to_date");
        assertThat(year.path("used_kg").asDouble()).isCloseTo(63.0, within(1e-9));
        assertThat(year.path("annual_allowance_kg").asDouble()).isEqualTo(400_000.0);
        assertThat(year.path("share_used").asDouble()).isCloseTo(1.575e-4, within(1e-12));
        assertThat(year.path("projected_kg").asDouble()).isCloseTo(63.0 * 365 / 334, within(1e-9));
    }

    @Test
    void theCsvHasOneLinePerOutletPointAndPollutant() throws Exception {
        HttpResponse<String> response = get(C05, "enterprise=otog/c05&month=2026-11&format=csv");
        assertThat(response.statusCode()).isEqualTo(200);
        String[] lines = response.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo(MonthlyCsv.HEADER);
        assertThat(lines[1]).startsWith("otog,c05,2026-11,91150624XXXXXXXXX5001P,DA001,air,stack-01,a21026,mg/m3,200,10,"
            + "hour,720,3,2,1,TOO_FEW_NORMAL:1,1,,0,");
    }

    @Test
    void anEnterpriseWithoutAPermitStillGetsItsStacksValidHours() throws Exception {
        JsonNode body = JSON.readTree(get(C06, "enterprise=otog/c06&month=2026-11").body());
        assertThat(body.path("permit_status").asText()).isEqualTo("no permit loaded");
        JsonNode so2 = body.path("outlets").path(0).path("points").path(0).path("pollutants").path(0);
        assertThat(so2.path("pollutant").asText()).isEqualTo("a21026");
        assertThat(so2.path("valid_hours").asLong()).isEqualTo(1);
        assertThat(body.path("outlets").path(0).path("totals").path(0).path("year_to_date").asText())
            .isEqualTo("no permit loaded");
    }

    @Test
    void anEnterpriseTokenReadsOnlyItsOwnAndBadParametersAreNamed() throws Exception {
        assertThat(get(C06, "enterprise=otog/c05&month=2026-11").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = get(BUREAU, "enterprise=otog/c05&month=2026-13");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("parameter").asText()).isEqualTo("month");
        assertThat(get(BUREAU, "enterprise=otog/zz9&month=2026-11").statusCode()).isEqualTo(404);
    }

    @Test
    void theParkViewListsEachEnterprisesComplianceAndShareOfItsAllowance() throws Exception {
        HttpResponse<String> response = get(BUREAU, "park", "park=otog&month=2026-11");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode enterprises = JSON.readTree(response.body()).path("enterprises");
        assertThat(enterprises).hasSize(2);
        JsonNode c05 = enterprises.path(0);
        assertThat(c05.path("status").asText()).isEqualTo("exceedances");
        assertThat(c05.path("exceedance_hours").asLong()).isEqualTo(1);
        assertThat(c05.path("allowances").path(0).path("share_used").asDouble()).isCloseTo(1.575e-4, within(1e-12));
        assertThat(enterprises.path(1).path("status").asText()).isEqualTo("no_permit");
        assertThat(get(C05, "park", "park=otog").statusCode()).isEqualTo(403);
    }
}
