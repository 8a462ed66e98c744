package io.parkwatch.cli.command;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.cli.runtime.ConsoleRuntime;
import io.parkwatch.contracts.duration.Durations;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.transport.health.Health;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "console", aliases = "alerts", mixinStandardHelpOptions = true,
    description = "Run the control-room service: console, API and metrics on one HTTP port.")
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    InfluxOptions influx;

    @Mixin
    KafkaOption kafka;

    @Option(names = "--alerts-look-back", defaultValue = "P7D", paramLabel = "DURATION",
        description = "How far back the alert board reads parkwatch.alerts.v1 at start (e.g. 7d, 12h, P7D); "
            + "0s reads all of it. Default: ${DEFAULT-VALUE}.")
    String lookBack;

    @Option(names = "--http-host", defaultValue = "127.0.0.1",
        description = "Address to bind; 0.0.0.0 to serve the network. Default: ${DEFAULT-VALUE}.")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port. Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(names = "--https-cert", paramLabel = "FILE",
        description = "Serve HTTPS instead of HTTP with this PEM certificate (then any intermediates); needs "
            + "--https-key.")
    Path httpsCert;

    @Option(names = "--https-key", paramLabel = "FILE",
        description = "The unencrypted PKCS#8 PEM key of --https-cert.")
    Path httpsKey;

    @Option(names = "--api-tokens", paramLabel = "FILE",
        description = "Bearer tokens of the data API (/api/v1/emissions, /api/v1/coverage, /api/v1/alerts), one per line: "
            + "label=operator:SECRET, label=bureau:SECRET or label=enterprise:ID:SECRET (SECRET may be sha256:HEX). "
            + "Without it the data API refuses every request.")
    Path apiTokens;

    @Option(names = "--park-zone", defaultValue = ParkZones.DEFAULT_ID, paramLabel = "ZONE",
        description = "Each park's days (daily emission history, local times in queries) run in the time zone of "
            + "its registry entry; this zone serves parks the registry does not list and queries that name no "
            + "park. Default: ${DEFAULT-VALUE}.")
    String parkZone;

    @Override
    public Integer call() throws Exception {
        Checks.port(httpPort, "--http-port");
        SSLContext https = https();
        LoopbackPorts.requireFree(httpHost, httpPort, "--http-port");
        ZoneId zone;
        try {
            zone = ZoneId.of(parkZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--park-zone must be a time-zone id such as Asia/Shanghai, got "
                + parkZone);
        }
        Duration back;
        try {
            back = Durations.parse(lookBack);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--alerts-look-back: " + e.getMessage(), e);
        }
        if (back.isNegative()) {
            throw new IllegalArgumentException("--alerts-look-back must not be negative, got " + lookBack);
        }
        ConsoleRuntime.BoardSettings board = ConsoleRuntime.BoardSettings.of(kafka.connection());
        board = new ConsoleRuntime.BoardSettings(board.kafka(), back, board.openMax(), board.recentMax(),
            board.recentFor());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Health health = new Health(metrics);
        ConsoleRuntime alerts = ConsoleRuntime.start(httpHost, httpPort, https, influx.target(), board,
            apiTokens == null ? ApiTokens.none() : ApiTokens.load(apiTokens), zone, metrics, health,
            Clock.systemUTC());
        health.started();
        System.out.println("parkwatch console on " + (https == null ? "http" : "https") + "://" + httpHost + ":"
            + alerts.port() + "/");
        UntilStopped.run(alerts);
        return 0;
    }

    /** The HTTPS context of --https-cert and --https-key, the files read and checked now; null for HTTP. */
    private SSLContext https() {
        if (httpsCert == null && httpsKey == null) {
            return null;
        }
        return PemOptions.identity(List.of(), httpsCert, "--https-cert", httpsKey, "--https-key").sslContext();
    }
}
