package io.parkwatch.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.overview.Overview;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.health.HealthCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleHttpServerIT {

    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient http = HttpClient.newHttpClient();
    private ConsoleHttpServer server;
    private volatile RuntimeException overviewFailure;

    private final Health health = new Health(metrics);
    private final AtomicBoolean feedAlive = new AtomicBoolean(true);

    @BeforeEach
    void start() throws Exception {
        metrics.counter("parkwatch.test.counter").increment(3);
        health.addReady(HealthCheck.of("console.alert-feed", () -> feedAlive.get()
            ? HealthCheck.Verdict.up("running") : HealthCheck.Verdict.down("stopped")));
        health.started();
        server = new ConsoleHttpServer("127.0.0.1", 0, () -> {
            if (overviewFailure != null) {
                throw overviewFailure;
            }
            return new Overview("5m", 42, List.of(new Overview.Row("xilinhot", "ENERGY", 42)),
                Instant.parse("2026-11-23T08:00:00Z"));
        }, metrics, health);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheConsolePage() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("parkwatch").contains("/console/app.js").contains("/console/console.css");
    }

    @Test
    void servesTheConsoleScriptsAndStylesWithTheirTypes() throws Exception {
        HttpResponse<String> script = get("/console/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("/api/v1/me");
        for (String module : new String[] {"api", "i18n", "dom", "alerts", "coverage", "drill", "map"}) {
            assertThat(get("/console/" + module + ".js").statusCode()).as(module).isEqualTo(200);
        }
        HttpResponse<String> styles = get("/console/console.css");
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void servesNothingButTheConsolesOwnFlatFileNames() throws Exception {
        assertThat(get("/console/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/console/../logback.xml").statusCode()).isEqualTo(404);
        assertThat(get("/console/%2e%2e%2Flogback.xml").statusCode()).isEqualTo(404);
        assertThat(get("/console/index.html").statusCode()).isEqualTo(404);
        assertThat(get("/io/parkwatch/alerts/http/ConsoleHttpServer.class").statusCode()).isEqualTo(404);
    }

    @Test
    void answersTheOverviewAsJson() throws Exception {
        HttpResponse<String> overview = get("/api/v1/overview");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("\"readings\":42").contains("\"park\":\"xilinhot\"");
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        assertThat(get("/metrics").body()).contains("parkwatch_test_counter_total 3.0");
    }

    @Test
    void unknownPathsAndFailuresAnswerWithAJsonError() throws Exception {
        HttpResponse<String> missing = get("/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"error\":\"not_found\"");

        overviewFailure = new IllegalStateException("influx down");
        HttpResponse<String> failed = get("/api/v1/overview");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).as("the cause is logged, not shown").contains("\"error\":\"internal_error\"")
            .doesNotContain("influx down").doesNotContain("IllegalStateException");
    }

    @Test
    void healthTellsTheTruthOnTheProbesAndOnTheApiPath() throws Exception {
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/health").body()).startsWith("{\"status\":\"UP\"");

        feedAlive.set(false);

        for (String path : new String[] {"/health/ready", "/api/v1/health"}) {
            HttpResponse<String> ready = get(path);
            assertThat(ready.statusCode()).as(path).isEqualTo(503);
            assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(ready.body()).as(path).startsWith("{\"status\":\"DOWN\"")
                .contains("{\"name\":\"console.alert-feed\",\"status\":\"DOWN\",\"detail\":\"stopped\"}");
        }
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/metrics").body()).contains("parkwatch_health_check{check=\"console.alert-feed\"} 0.0");
    }

    @Test
    void refusesOtherMethods() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
