package io.parkwatch.bench.fuzz;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.cli.runtime.ConsoleRuntime;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.sink.InfluxConfigurationException;
import io.parkwatch.sink.influx.InfluxDatabaseAdmin;
import io.parkwatch.sink.InfluxUnavailableException;
import io.parkwatch.sink.influx.RetentionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** The console service as {@code parkwatch console} runs it, with one token per role of this run only. */
public final class FuzzConsole implements AutoCloseable {

    private final ConsoleRuntime console;
    private final Map<String, String> tokens;

    private FuzzConsole(ConsoleRuntime console, Map<String, String> tokens) {
        this.console = console;
        this.tokens = tokens;
    }

    /** @param dir where the token file goes; the caller removes it */
    public static FuzzConsole start(String kafka, String influxUrl, String database, Path dir) throws IOException {
        Map<String, String> tokens = Map.of("operator", secret(), "bureau", secret(), "enterprise", secret());
        Path file = Files.writeString(dir.resolve("fuzz-api-tokens.properties"),
            "operator=operator:" + tokens.get("operator") + "\nbureau=bureau:" + tokens.get("bureau") + "\n"
                + FuzzPark.ENTERPRISE + "=enterprise:" + FuzzPark.ENTERPRISE + ":" + tokens.get("enterprise") + "\n");
        createDatabase(influxUrl, database);
        ConsoleRuntime console = ConsoleRuntime.start("127.0.0.1", 0, InfluxTarget.v1(influxUrl, database),
            ConsoleRuntime.BoardSettings.of(kafka), ApiTokens.load(file), ParkZones.DEFAULT,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC());
        return new FuzzConsole(console, tokens);
    }

    /** As the sink does at its start: a query of a missing database is InfluxDB's failure (502), not the request's. */
    private static void createDatabase(String influxUrl, String database) throws IOException {
        try {
            new InfluxDatabaseAdmin(InfluxTarget.v1(influxUrl, database).v1Endpoint())
                .ensure(RetentionSettings.defaults().policies());
        } catch (InfluxUnavailableException | InfluxConfigurationException e) {
            throw new IOException("setting up InfluxDB database " + database + ": " + e.getMessage(), e);
        }
    }

    private static String secret() {
        return UUID.randomUUID().toString();
    }

    public ApiFuzz fuzz() {
        return new ApiFuzz(console.port(), tokens);
    }

    @Override
    public void close() {
        console.close();
    }
}
