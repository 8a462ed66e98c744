package io.parkwatch.console.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.http.ConsoleHttpServer;
import io.parkwatch.console.http.BureauApi;
import io.parkwatch.console.influxql.InfluxQueryException;
import io.parkwatch.console.overview.Overview;
import io.parkwatch.contracts.registry.ParkZones;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the export reports an InfluxDB failure: a status before the first bytes, a marked trailer after them. */
class EmissionsHandlerIT {

    private static final String TOKEN = "bureau-token-0123456789";

    @TempDir
    Path dir;

    private ConsoleHttpServer server;
    private volatile int rowsBeforeFailure;

    @BeforeEach
    void start() throws Exception {
        Path tokens = dir.resolve("tokens.properties");
        Files.writeString(tokens, "bureau=bureau:" + TOKEN + "\n");
        EmissionHistory failing = (query, rows) -> {
            for (int i = 0; i < rowsBeforeFailure; i++) {
                rows.accept(new EmissionRow("2026-11-01T00:00:00Z", "p", "e001", "stack-" + i, Pollutant.SO2,
                    "a21026", 20, 10, 30, 60, 60, OptionalDouble.of(35)));
            }
            throw new InfluxQueryException("InfluxDB at http://influx did not answer: connection reset", null);
        };
        server = new ConsoleHttpServer("127.0.0.1", 0, () -> new Overview("5m", 0, List.of(), Instant.EPOCH),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        BureauApi.register(server, ApiTokens.load(tokens), failing, (query, rows) -> {
        }, ParkZones.fixed(ParkZones.DEFAULT), Clock.fixed(Instant.parse("2026-11-05T00:00:00Z"), ZoneOffset.UTC));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/emissions?" + query)).header("Authorization", "Bearer " + TOKEN).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailureBeforeAnyRowWasSentAnswers502() throws Exception {
        rowsBeforeFailure = 0;
        HttpResponse<String> response = get("format=csv");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"error\":\"influxdb_failed\"").contains("connection reset");
    }

    @Test
    void aFailureMidExportIsStatedAtTheEndOfTheBody() throws Exception {
        rowsBeforeFailure = 5000;
        HttpResponse<String> csv = get("format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).hasSize(5002);
        assertThat(csv.body()).endsWith("# incomplete: InfluxDB at http://influx did not answer: connection reset\r\n");

        HttpResponse<String> json = get("format=json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).endsWith("],\"row_count\":5000,\"complete\":false,"
            + "\"error\":\"InfluxDB at http://influx did not answer: connection reset\"}");
    }
}
