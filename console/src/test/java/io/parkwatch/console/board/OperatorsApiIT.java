package io.parkwatch.console.board;

import static io.parkwatch.console.board.AlertEvents.T0;
import static io.parkwatch.console.board.AlertEvents.acknowledged;
import static io.parkwatch.console.board.AlertEvents.event;
import static io.parkwatch.console.board.AlertEvents.raised;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.http.ConsoleHttpServer;
import io.parkwatch.console.http.OperatorsApi;
import io.parkwatch.console.overview.Overview;
import io.parkwatch.contracts.alert.AlertCommand;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.registry.ParkZones;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The operators' alert API on a loopback server, over a board fed by hand and a recording command sender. */
class OperatorsApiIT {

    private static final String OPERATOR = "operator-token-0123456789";
    private static final String BUREAU = "bureau-token-0123456789";
    private static final String E002 = "enterprise-e002-token-0123";
    private static final String THRESHOLD_ID = "xilinhot/e001/gas-01|gas-lel|1790000000000";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private final FoldedAlertBoard board = new FoldedAlertBoard(clock, 100, 100, Duration.ofHours(24));
    private final List<AlertCommand> sent = new CopyOnWriteArrayList<>();
    private volatile boolean kafkaDown;
    private final HttpClient http = HttpClient.newHttpClient();
    private ConsoleHttpServer server;

    @BeforeEach
    void start() throws Exception {
        Path tokens = dir.resolve("api-tokens.properties");
        Files.writeString(tokens, "ops-li=operator:" + OPERATOR + "\nbureau=bureau:" + BUREAU
            + "\ne002=enterprise:e002:" + E002 + "\n");
        server = new ConsoleHttpServer("127.0.0.1", 0, () -> new Overview("5m", 0, List.of(), T0),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        AlertCommands commands = command -> {
            if (kafkaDown) {
                throw new AlertCommands.CommandNotSentException("broker down", null);
            }
            sent.add(command);
        };
        OperatorsApi.register(server, ApiTokens.load(tokens), board, commands, ParkZones.fixed(ZoneOffset.ofHours(8)), clock,
            Duration.ofMillis(100));
        server.start();
        board.apply(raised(THRESHOLD_ID, "e001", Severity.CRITICAL, T0));
        board.apply(raised("data-gap:xilinhot/e002/flow-01", "e002", Severity.WARNING, T0.plusSeconds(5)));
        board.apply(raised("gone", "e002", Severity.WARNING, T0));
        board.apply(event("gone", AlertEventType.CLEARED, "e002", Severity.WARNING, 1, "ok", T0.plusSeconds(9)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(path, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> ack(String alertId, String token, String body) throws Exception {
        String path = "/api/v1/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8) + "/ack";
        return http.send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonSerde.MAPPER.readTree(response.body());
    }

    @Test
    void listsOpenAlertsMostSevereFirstWithEveryField() throws Exception {
        HttpResponse<String> response = get("/api/v1/alerts", BUREAU);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("count").asInt()).isEqualTo(2);
        JsonNode first = body.get("alerts").get(0);
        assertThat(first.get("alertId").asText()).isEqualTo(THRESHOLD_ID);
        assertThat(first.get("state").asText()).isEqualTo("open");
        assertThat(first.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(first.get("firstSeen").asText()).isEqualTo("2026-11-23T08:00:00Z");
        for (String field : List.of("ruleId", "park", "enterprise", "pointKey", "lastSeen", "peakValue",
            "occurrences", "module", "metric", "value", "limit", "message", "acknowledgedBy", "note", "updatedAt")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("module").asText()).isEqualTo("SAFETY");
        assertThat(first.get("value").asDouble()).as("value / limit").isEqualTo(42.0);
        assertThat(first.get("limit").asDouble()).isEqualTo(25.0);
        assertThat(json(get("/api/v1/alerts?state=all", BUREAU)).get("count").asInt()).isEqualTo(3);
        assertThat(json(get("/api/v1/alerts?state=cleared&enterprise=e002", OPERATOR)).get("alerts").get(0)
            .get("alertId").asText()).isEqualTo("gone");
    }

    @Test
    void showsAnEnterpriseItsOwnAlertsOnly() throws Exception {
        JsonNode body = json(get("/api/v1/alerts?state=all", E002));
        assertThat(body.get("count").asInt()).isEqualTo(2);
        body.get("alerts").forEach(alert -> assertThat(alert.get("enterprise").asText()).isEqualTo("e002"));
        HttpResponse<String> other = get("/api/v1/alerts?enterprise=e001", E002);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json(other).get("error").asText()).isEqualTo("forbidden");
    }

    @Test
    void refusesBadParametersByName() throws Exception {
        for (String parameter : List.of("state=closed", "severity=huge", "since=yesterday", "limit=0", "colour=red")) {
            HttpResponse<String> response = get("/api/v1/alerts?" + parameter, OPERATOR);
            assertThat(response.statusCode()).as(parameter).isEqualTo(400);
            assertThat(json(response).get("parameter").asText()).isEqualTo(parameter.substring(0, parameter.indexOf('=')));
        }
    }

    @Test
    void answers401WithoutAKnownTokenAnd403ForAckByNonOperators() throws Exception {
        HttpResponse<String> none = get("/api/v1/alerts", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("error").asText()).isEqualTo("unauthorized");
        assertThat(get("/api/v1/alerts", "not-a-token-at-all-000").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/alerts/stream", null).statusCode()).isEqualTo(401);
        for (String token : List.of(BUREAU, E002)) {
            HttpResponse<String> response = ack(THRESHOLD_ID, token, "{\"note\":\"x\"}");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(json(response).get("error").asText()).isEqualTo("forbidden");
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void sendsAnAcknowledgementCommandNamedForTheTokenAndAnswers202() throws Exception {
        HttpResponse<String> response = ack(THRESHOLD_ID, OPERATOR, "{\"note\":\"crew sent\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("status").asText()).isEqualTo("sent");
        assertThat(json(response).get("alertId").asText()).isEqualTo(THRESHOLD_ID);
        assertThat(sent).containsExactly(new AlertCommand(THRESHOLD_ID, "ops-li", "crew sent", clock.instant()));

        HttpResponse<String> gap = http.send(request("/api/v1/alerts/data-gap:xilinhot/e002/flow-01/ack", OPERATOR)
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(gap.statusCode()).isEqualTo(202);
        assertThat(sent.get(1).alertId()).isEqualTo("data-gap:xilinhot/e002/flow-01");
        assertThat(sent.get(1).note()).isEmpty();
    }

    @Test
    void answers404ForUnknown409ForClearedOrAcknowledged400ForABadBodyAnd503WhenKafkaFails() throws Exception {
        assertThat(ack("nope", OPERATOR, "{}").statusCode()).isEqualTo(404);
        assertThat(ack("gone", OPERATOR, "{}").statusCode()).isEqualTo(409);
        HttpResponse<String> bad = ack(THRESHOLD_ID, OPERATOR, "{\"note\": 5}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("parameter").asText()).isEqualTo("note");
        assertThat(ack(THRESHOLD_ID, OPERATOR, "not json").statusCode()).isEqualTo(400);
        kafkaDown = true;
        assertThat(ack(THRESHOLD_ID, OPERATOR, "{}").statusCode()).isEqualTo(503);
        kafkaDown = false;
        board.apply(acknowledged(THRESHOLD_ID, "e001", Severity.CRITICAL, 1, "ops-li", "", T0.plusSeconds(20)));
        HttpResponse<String> twice = ack(THRESHOLD_ID, OPERATOR, "{}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).get("error").asText()).isEqualTo("alert_acknowledged");
        assertThat(sent).isEmpty();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void streamsChangesInTheCallersScopeAsServerSentEventsWithKeepAlives() throws Exception {
        HttpResponse<InputStream> stream = http.send(request("/api/v1/alerts/stream", E002).build(),
            HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo(": connected");
            board.apply(raised("hidden", "e001", Severity.CRITICAL, T0.plusSeconds(30)));
            board.apply(raised("mine", "e002", Severity.WARNING, T0.plusSeconds(31)));
            String line = lines.readLine();
            while (line.isEmpty() || line.startsWith(":")) {
                line = lines.readLine();
            }
            assertThat(line).isEqualTo("event: alert");
            String data = lines.readLine();
            assertThat(data).startsWith("data: ");
            JsonNode alert = JsonSerde.MAPPER.readTree(data.substring("data: ".length()));
            assertThat(alert.get("alertId").asText()).isEqualTo("mine");
            assertThat(alert.get("state").asText()).isEqualTo("open");
            assertThat(lines.readLine()).isEmpty();
            String next = lines.readLine();
            while (next.isEmpty()) {
                next = lines.readLine();
            }
            assertThat(next).isEqualTo(": keep-alive");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void disconnectsAClientThatDoesNotReadInsteadOfBlockingTheBoard() throws Exception {
        HttpResponse<InputStream> stream = http.send(request("/api/v1/alerts/stream", OPERATOR).build(),
            HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        String big = "x".repeat(4096);
        // Far more than socket buffers hold: if the board waited for this client, the loop would never end.
        for (int i = 0; i < 20_000; i++) {
            board.apply(event(THRESHOLD_ID, AlertEventType.UPDATED, "e001", Severity.CRITICAL, i, big,
                T0.plusSeconds(i)));
        }
        try (InputStream body = stream.body()) {
            byte[] buffer = new byte[65536];
            long read = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                read += n;
            }
            assertThat(read).isLessThan(20_000L * 4096);
        } catch (java.io.IOException e) {
            // A reset connection is a disconnect too.
            assertThat(e).isNotNull();
        }
    }
}
