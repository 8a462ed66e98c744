package io.parkwatch.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.board.FoldedAlertBoard;
import io.parkwatch.console.emissions.InfluxFixture;
import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.map.InfluxQlVehiclePositions;
import io.parkwatch.console.overview.Overview;
import io.parkwatch.console.points.InfluxQlLastReadings;
import io.parkwatch.console.points.InfluxQlPointSeries;
import io.parkwatch.console.rules.AreaKind;
import io.parkwatch.console.rules.GeofenceArea;
import io.parkwatch.console.rules.PackShapes;
import io.parkwatch.console.rules.RuleLimit;
import io.parkwatch.console.rules.RuleShelf;
import io.parkwatch.console.state.ConsoleState;
import io.parkwatch.console.state.KafkaStateFeed;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.completeness.CompletenessRow;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Location;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.rules.RulePackRecord;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.kafka.UnreadableRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's endpoints on a real Kafka broker (registry, rules, coverage and completeness
 * topics folded by the state feed) and a real influxd (readings, hourly means, positions).
 */
class ConsoleApiIT {

    private static final String DB = "console_api_it";
    private static final String PARK = "console-it";
    private static final String OPERATOR = "operator-token-0123456789";
    private static final String E001 = "enterprise-e001-token-0123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant NOW = Instant.now();
    private static final Instant SILENT_SINCE = NOW.minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final List<double[]> TANK_FARM = List.of(new double[] {39.468, 106.938},
        new double[] {39.468, 106.941}, new double[] {39.471, 106.941}, new double[] {39.471, 106.938});

    @TempDir
    static Path dir;

    private static ConsoleHttpServer server;
    private static KafkaStateFeed feed;

    @BeforeAll
    static void start() throws Exception {
        String kafka = SharedServers.kafka().bootstrapServers();
        TopicProvisioner.ensure(kafka, 3, (short) 1);
        publishState(kafka);
        writeReadings(SharedServers.influxd().url());
        PackShapes fences = new PackShapes("it-fences", List.of(new GeofenceArea("key-area-it", "Tank farm",
            AreaKind.KEY_AREA, Set.of(PARK), TANK_FARM)), List.of());
        ConsoleState state = new ConsoleState(new RuleShelf((name, source, yaml) -> fences,
            List.of(new PackShapes("default", List.of(), List.of(
                new RuleLimit("so2-hourly", Severity.WARNING, 30, true, "ultra-low", (p, d, m) -> m.equals("a21026-Rtd")),
                new RuleLimit("so2-hourly", Severity.CRITICAL, 35, true, "ultra-low",
                    (p, d, m) -> m.equals("a21026-Rtd")))))));
        feed = new KafkaStateFeed(kafka, "console-api-it", state.folds(), Clock.systemUTC(),
            UnreadableRecords.toKafka("console", kafka, "console-api-it-rejected", new SimpleMeterRegistry(),
                Clock.systemUTC())).start();
        assertThat(feed.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        FoldedAlertBoard alerts = new FoldedAlertBoard(Clock.systemUTC(), 100, 100, Duration.ofHours(1));
        alerts.apply(AlertEvent.builder()
            .alertId("a1")
            .type(AlertEventType.RAISED)
            .ruleId("so2-hourly")
            .park(PARK)
            .enterprise("e001")
            .pointKey(PARK + "/e001/stack-01")
            .severity(Severity.CRITICAL)
            .firstSeen(NOW)
            .lastSeen(NOW)
            .peakValue(40.0)
            .occurrences(1)
            .message("SO2 above 35")
            .at(NOW)
            .build());
        Path tokens = dir.resolve("api-tokens.properties");
        Files.writeString(tokens, "ops-1=operator:" + OPERATOR + "\ne001=enterprise:e001:" + E001 + "\n");
        server = new ConsoleHttpServer("127.0.0.1", 0, () -> new Overview("5m", 0, List.of(), Instant.EPOCH),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        ChunkedInfluxQl chunked = ChunkedInfluxQl.of(SharedServers.influxd().url(), DB, Optional.empty(), null);
        ConsoleApi.register(server, ApiTokens.load(tokens), state, new ConsoleApi.Sources(
            new InfluxQlPointSeries(chunked), new InfluxQlVehiclePositions(chunked),
            new InfluxQlLastReadings(chunked, Duration.ofDays(30))), alerts, Clock.systemUTC());
        server.start();
    }

    private static void publishState(String kafka) throws Exception {
        List<RegistryRecord> registry = List.of(RegistryRecord.of(new ParkEntry(PARK, "控制台测试园区")),
            RegistryRecord.of(new EnterpriseEntry(PARK, "e001", "XX化工", Set.of()).at(new Location(39.46, 106.93))),
            RegistryRecord.of(new EnterpriseEntry(PARK, "e002", "XX煤业", Set.of())),
            RegistryRecord.of(new PointEntry(PARK, "e001", "stack-01", Module.ENVIRONMENT, "cems-stack",
                Duration.ofMinutes(1), null, null)),
            RegistryRecord.of(new PointEntry(PARK, "e002", "flow-01", Module.ENVIRONMENT, "wastewater-flow",
                Duration.ofMinutes(1), null, null)),
            RegistryRecord.of(new PointEntry(PARK, PointEntry.FLEET, "hz-01", Module.LOGISTICS, "hazmat-vehicle",
                Duration.ofSeconds(10), null, "013900000001")));
        for (RegistryRecord record : registry) {
            send(kafka, Topics.REGISTRY, record.key(), record);
        }
        send(kafka, Topics.RULES, "it-fences", new RulePackRecord("it-fences", "rules: []", "it.yaml", NOW));
        send(kafka, Topics.COVERAGE, PARK + "|ENVIRONMENT|key-polluters", new CoverageRow(PARK, Module.ENVIRONMENT,
            "key-polluters", 2, 1, 1.0, List.of(PARK + "/e002/flow-01"), false, NOW));
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.ofHours(8));
        send(kafka, Topics.COMPLETENESS, PARK + "|" + today, new CompletenessRow(CompletenessRow.PARK, PARK, null, null,
            today, today.atStartOfDay(ZoneOffset.ofHours(8)).toInstant(), 1440, 1200, 1190, 8, 7, 0.9, 0.75, 2, 1,
            NOW));
    }

    private static <V> void send(String kafka, TopicSpec<String, V> topic, String key, V value) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(DurableProducerSettings.of(kafka, "console-it"),
            new StringSerializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static void writeReadings(String url) throws Exception {
        InfluxFixture influx = new InfluxFixture(url, DB);
        long now = NOW.getEpochSecond();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add("reading,domain=EMISSIONS,enterprise=e001,metric=a21026-Rtd,park=" + PARK + ",point=stack-01,"
                + "quality=" + (i == 3 ? "D" : "N") + ",unit=mg/m3 value=" + (20 + i) + ",message_id=\"m" + i + "\" "
                + (now - 3600 + i * 60L));
        }
        lines.add("reading,domain=EMISSIONS,enterprise=e001,metric=a01012,park=" + PARK + ",point=stack-01,quality=N,"
            + "unit=C value=120,message_id=\"t\" " + (now - 60));
        lines.add("reading,domain=ENVIRONMENT,enterprise=e002,metric=w00000,park=" + PARK + ",point=flow-01,quality=N,"
            + "unit=L/s value=3,message_id=\"f\" " + SILENT_SINCE.getEpochSecond());
        for (int i = 0; i < 5; i++) {
            lines.add("position,domain=LOGISTICS,enterprise=vehicles,metric=position,park=" + PARK + ",point=hz-01,"
                + "quality=N lat=" + (39.46 + i * 0.001) + ",lon=106.93,speed=30,heading=0,altitude=1000,alarm=0i,"
                + "status=2i,message_id=\"p" + i + "\" " + (now - 300 + i * 10L));
        }
        influx.write("raw", lines);
        influx.write("agg_1h", List.of("aggregate,domain=EMISSIONS,enterprise=e001,metric=a21026-Rtd,park=" + PARK
            + ",point=stack-01,window=1h mean=34.5,min=20,max=49,count=30i,good_count=29i " + (now - 3600)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (feed != null) {
            feed.close();
        }
        // The shared broker's registry and rules topics are left without this test's entries.
        String kafka = SharedServers.kafka().bootstrapServers();
        for (String key : List.of(RegistryKeys.park(PARK), RegistryKeys.enterprise(PARK, "e001"),
            RegistryKeys.enterprise(PARK, "e002"), RegistryKeys.point(PointKey.text(PARK, "e001", "stack-01")),
            RegistryKeys.point(PointKey.text(PARK, "e002", "flow-01")),
            RegistryKeys.point(PointKey.text(PARK, "vehicles", "hz-01")))) {
            send(kafka, Topics.REGISTRY, key, null);
        }
        send(kafka, Topics.RULES, "it-fences", null);
    }

    private static HttpResponse<String> get(String token, String pathAndQuery) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
            + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(String token, String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(token, pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void meTellsTheTokensNameRoleAndEnterprise() throws Exception {
        assertThat(ok(OPERATOR, "/api/v1/me").toString())
            .isEqualTo("{\"name\":\"ops-1\",\"role\":\"operator\",\"enterprise\":null}");
        assertThat(ok(E001, "/api/v1/me").path("enterprise").asText()).isEqualTo("e001");
        HttpResponse<String> anonymous = get(null, "/api/v1/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).path("error").asText()).isEqualTo("unauthorized");
        assertThat(get(OPERATOR, "/api/v1/meh").statusCode()).isEqualTo(404);
    }

    @Test
    void parksComeFromTheRegistryWithTheirLocatedCentre() throws Exception {
        JsonNode park = find(ok(E001, "/api/v1/parks").path("parks"), "id", PARK);
        assertThat(park.path("name").asText()).isEqualTo("控制台测试园区");
        assertThat(park.path("timeZone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(park.path("centre").path("lat").asDouble()).isEqualTo(39.46);
        assertThat(park.path("centre").path("lon").asDouble()).isEqualTo(106.93);
    }

    @Test
    void theCoverageBoardListsSilentPointsSinceTheirLastReading() throws Exception {
        JsonNode park = ok(OPERATOR, "/api/v1/coverage/board?park=" + PARK).path("parks").get(0);
        JsonNode row = park.path("rows").get(0);
        assertThat(row.path("class").asText()).isEqualTo("key-polluters");
        assertThat(row.path("ratio").asDouble()).isEqualTo(0.5);
        assertThat(row.path("compliant").asBoolean()).isFalse();
        JsonNode silent = row.path("silent").get(0);
        assertThat(silent.path("point").asText()).isEqualTo(PARK + "/e002/flow-01");
        assertThat(silent.path("enterprise").asText()).isEqualTo("e002");
        assertThat(Instant.parse(silent.path("silentSince").asText())).isEqualTo(SILENT_SINCE);
        assertThat(park.path("completeness").path("received").asLong()).isEqualTo(1200);
        assertThat(park.path("completeness").path("compliantPoints").asInt()).isEqualTo(1);
        assertThat(get(E001, "/api/v1/coverage/board").statusCode()).isEqualTo(403);
        assertThat(get(OPERATOR, "/api/v1/coverage/board?park=nowhere").statusCode()).isEqualTo(404);
        HttpResponse<String> hostile = get(OPERATOR, "/api/v1/coverage/board?park=x%27%20OR%201%3D1");
        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(hostile.body()).path("parameter").asText()).isEqualTo("park");
    }

    @Test
    void aPointSeriesCarriesReadingsHourlyMeansLimitsAndExceedances() throws Exception {
        JsonNode series = ok(OPERATOR, "/api/v1/points/series?point=" + PARK + "/e001/stack-01&hours=2");
        assertThat(series.path("metrics").toString()).isEqualTo("[\"a01012\",\"a21026-Rtd\"]");
        assertThat(series.path("metric").asText()).isEqualTo("a01012");
        series = ok(E001, "/api/v1/points/series?point=" + PARK + "/e001/stack-01&metric=a21026-Rtd&hours=2");
        assertThat(series.path("unit").asText()).isEqualTo("mg/m3");
        assertThat(series.path("readings")).hasSize(30);
        assertThat(series.path("readings").get(0).path("value").asDouble()).isEqualTo(20);
        assertThat(series.path("readings").get(3).path("quality").asText()).isEqualTo("D");
        assertThat(series.path("readingsTruncated").asBoolean()).isFalse();
        assertThat(series.path("hourly").get(0).path("mean").asDouble()).isEqualTo(34.5);
        assertThat(series.path("limits")).hasSize(2);
        assertThat(series.path("limits").get(1).path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(series.path("limits").get(1).path("direction").asText()).isEqualTo("above");
        // Values 31..49 pass 30 (warning), 36..49 pass 35 (critical).
        JsonNode exceedances = series.path("exceedances");
        assertThat(exceedances).hasSize(19);
        assertThat(exceedances.get(0).path("severity").asText()).isEqualTo("WARNING");
        assertThat(exceedances.get(18).path("severity").asText()).isEqualTo("CRITICAL");
    }

    @Test
    void anEnterpriseReadsOnlyItsOwnPointsAndHostilePointsAreRefused() throws Exception {
        assertThat(get(E001, "/api/v1/points/series?point=" + PARK + "/e002/flow-01").statusCode()).isEqualTo(403);
        assertThat(get(OPERATOR, "/api/v1/points/series?point=" + PARK + "/e002/nothing").statusCode())
            .isEqualTo(404);
        for (String hostile : List.of("point=x%27%20OR%201%3D1/e/p", "point=" + PARK + "/e001/stack-01&metric=x%27",
            "point=" + PARK + "/e001/stack-01&hours=9999", "point=" + PARK + "/e001/stack-01&from=0")) {
            HttpResponse<String> response = get(OPERATOR, "/api/v1/points/series?" + hostile);
            assertThat(response.statusCode()).as(hostile).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("bad_parameter");
        }
    }

    @Test
    void theMapDrawsAreasEnterprisesAndVehicleTracks() throws Exception {
        JsonNode map = ok(OPERATOR, "/api/v1/map?park=" + PARK);
        assertThat(map.path("centre").path("lat").asDouble()).isEqualTo(39.46);
        JsonNode area = map.path("areas").get(0);
        assertThat(area.path("kind").asText()).isEqualTo("key-area");
        assertThat(area.path("ruleId").asText()).isEqualTo("key-area-it");
        assertThat(area.path("polygon").get(0).toString()).isEqualTo("[106.938,39.468]");
        JsonNode e001 = find(map.path("enterprises"), "id", "e001");
        assertThat(e001.path("alerting").asBoolean()).isTrue();
        assertThat(e001.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(map.path("enterprises")).hasSize(1);
        JsonNode vehicle = map.path("vehicles").get(0);
        assertThat(vehicle.path("pointKey").asText()).isEqualTo(PARK + "/vehicles/hz-01");
        assertThat(vehicle.path("lat").asDouble()).isEqualTo(39.464);
        assertThat(vehicle.path("speedKmh").asDouble()).isEqualTo(30);
        assertThat(vehicle.path("alerting").asBoolean()).isFalse();
        assertThat(vehicle.path("track")).hasSize(5);
        assertThat(vehicle.path("track").get(0).get(1).asDouble()).isEqualTo(39.46);
        assertThat(get(E001, "/api/v1/map?park=" + PARK).statusCode()).isEqualTo(403);
        assertThat(get(OPERATOR, "/api/v1/map").statusCode()).isEqualTo(400);
        assertThat(get(OPERATOR, "/api/v1/map?park=%2F.*%2F").statusCode()).isEqualTo(400);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
