package io.parkwatch.console.emissions;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.http.ConsoleHttpServer;
import io.parkwatch.console.http.BureauApi;
import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.overview.Overview;
import io.parkwatch.contracts.registry.ParkZones;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bureau API alone, for {@link EmissionExportStreamingIT} to run in a JVM with a small heap:
 * {@code ExportServerMain INFLUX_URL DATABASE TOKENS_FILE}. Prints {@code port=N max-heap=BYTES},
 * then serves until stdin closes.
 */
public final class ExportServerMain {

    private ExportServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ConsoleHttpServer server = new ConsoleHttpServer("127.0.0.1", 0,
            () -> new Overview("5m", 0, List.of(), Instant.EPOCH), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        ChunkedInfluxQl chunked = ChunkedInfluxQl.of(args[0], args[1], Optional.empty(), null);
        BureauApi.register(server, ApiTokens.load(Path.of(args[2])), new InfluxQlEmissionHistory(chunked,
            // Only emissions are exported here; coverage answers empty, sparing the small heap a second client.
            new UltraLowEmissionLimits()), (query, rows) -> { }, ParkZones.fixed(ParkZones.DEFAULT),
            Clock.systemUTC());
        server.start();
        System.out.println("port=" + server.port() + " max-heap=" + Runtime.getRuntime().maxMemory());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Serve until the test closes our stdin.
        }
        server.close();
    }
}
