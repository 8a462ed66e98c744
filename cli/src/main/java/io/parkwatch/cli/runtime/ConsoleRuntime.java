package io.parkwatch.cli.runtime;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.board.AlertFilter;
import io.parkwatch.console.board.FoldedAlertBoard;
import io.parkwatch.console.board.KafkaAlertCommands;
import io.parkwatch.console.board.KafkaAlertFeed;
import io.parkwatch.console.coverage.InfluxQlCoverageHistory;
import io.parkwatch.console.emissions.InfluxQlEmissionHistory;
import io.parkwatch.console.emissions.totals.InfluxQlHourlyEmissions;
import io.parkwatch.console.emissions.UltraLowEmissionLimits;
import io.parkwatch.console.http.BureauApi;
import io.parkwatch.console.http.ConsoleApi;
import io.parkwatch.console.http.ConsoleHttpServer;
import io.parkwatch.console.http.OperatorsApi;
import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.map.InfluxQlVehiclePositions;
import io.parkwatch.console.overview.InfluxQlPipelineOverview;
import io.parkwatch.console.permits.PermitEmissionLimits;
import io.parkwatch.console.permits.PermitOutletAllowance;
import io.parkwatch.console.points.InfluxQlLastReadings;
import io.parkwatch.console.points.InfluxQlPointSeries;
import io.parkwatch.console.report.InfluxQlMonthWindows;
import io.parkwatch.console.report.MonthlyReportHandler;
import io.parkwatch.console.rules.RuleShelf;
import io.parkwatch.console.state.ConsoleState;
import io.parkwatch.console.state.KafkaStateFeed;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.health.HealthCheck;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.kafka.UnreadableRecords;
import io.parkwatch.transport.kafka.KafkaReachability;
import java.io.IOException;
import javax.net.ssl.SSLContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Wires the control-room service: InfluxQL client, the alert board and the console's state fed
 * from Kafka (registry, rule packs, permits, coverage, completeness), HTTP port.
 */
public final class ConsoleRuntime implements AutoCloseable {

    /** Metric: alerts on the board not yet cleared (open or acknowledged). */
    public static final String OPEN_ALERTS = "parkwatch.console.alerts.open";

    /** How far back the coverage board looks for a silent point's last reading (its silentSince). */
    public static final Duration SILENT_LOOK_BACK = Duration.ofDays(30);

    private final List<AutoCloseable> parts;
    private final ConsoleHttpServer http;

    private ConsoleRuntime(List<AutoCloseable> parts, ConsoleHttpServer http) {
        this.parts = parts;
        this.http = http;
    }

    /**
     * How the alert board is kept: where Kafka is, how far back it reads the alerts topic
     * ({@link Duration#ZERO}: all of it), and how many cleared alerts it keeps for how long.
     */
    public record BoardSettings(KafkaConnection kafka, Duration lookBack, int openMax, int recentMax,
                                Duration recentFor) {

        public BoardSettings(String bootstrapServers, Duration lookBack, int openMax, int recentMax,
                             Duration recentFor) {
            this(KafkaConnection.to(bootstrapServers), lookBack, openMax, recentMax, recentFor);
        }

        public static BoardSettings of(String bootstrapServers) {
            return of(KafkaConnection.to(bootstrapServers));
        }

        public static BoardSettings of(KafkaConnection kafka) {
            return new BoardSettings(kafka, Duration.ofDays(7), 10_000, 1_000, Duration.ofHours(24));
        }

        public String bootstrapServers() {
            return kafka.bootstrapServers();
        }
    }

    /**
     * Starts the service. Each park's days (emission history, local times in queries) run in the
     * zone of its registry entry; {@code fallbackZone} serves parks the registry does not list and
     * queries that name no park.
     */
    public static ConsoleRuntime start(String host, int port, InfluxTarget target, BoardSettings board,
                                      ApiTokens tokens, ZoneId fallbackZone, PrometheusMeterRegistry metrics,
                                      Clock clock) throws IOException {
        Health health = new Health(metrics);
        ConsoleRuntime started = start(host, port, target, board, tokens, fallbackZone, metrics, health, clock);
        health.started();
        return started;
    }

    /**
     * The same, serving {@code health}'s probes on the HTTP port and adding the console's checks
     * to it: its feeds reading, for ready. The caller says when everything has started.
     */
    public static ConsoleRuntime start(String host, int port, InfluxTarget target, BoardSettings board,
                                      ApiTokens tokens, ZoneId fallbackZone, PrometheusMeterRegistry metrics,
                                      Health health, Clock clock) throws IOException {
        return start(host, port, null, target, board, tokens, fallbackZone, metrics, health, clock);
    }

    /** The same over HTTPS with {@code tls} (the server certificate and key); plain HTTP when null. */
    public static ConsoleRuntime start(String host, int port, SSLContext tls, InfluxTarget target, BoardSettings board,
                                      ApiTokens tokens, ZoneId fallbackZone, PrometheusMeterRegistry metrics,
                                      Health health, Clock clock) throws IOException {
        List<AutoCloseable> parts = new ArrayList<>();
        InfluxDBClient influx = InfluxDBClientFactory.createV1(target.url(), target.username(), target.password(),
            target.database(), null);
        parts.add(influx);
        try {
            FoldedAlertBoard alerts = new FoldedAlertBoard(clock, board.openMax(), board.recentMax(),
                board.recentFor());
            KafkaAlertFeed alertFeed = new KafkaAlertFeed(board.kafka(), alerts, board.lookBack(), clock,
                unreadable(board.kafka(), "parkwatch-alert-board-rejected", metrics, clock));
            parts.add(0, alertFeed.start());
            health.addReady(feedCheck("console.alert-feed", "the alert board's feed of parkwatch.alerts.v1",
                alertFeed::alive));
            Gauge.builder(OPEN_ALERTS, alerts, folded -> folded.find(AlertFilter.active(Integer.MAX_VALUE)).size())
                .description("alerts on the board not yet cleared").register(metrics);
            KafkaReachability kafkaReachable = KafkaReachability.of(board.kafka(), "parkwatch-console-health", clock);
            parts.add(0, kafkaReachable);
            health.addReady(kafkaReachable);
            KafkaAlertCommands commands = new KafkaAlertCommands(board.kafka());
            parts.add(0, commands);
            ConsoleHttpServer http = new ConsoleHttpServer(host, port,
                new InfluxQlPipelineOverview(influx, target.database(), clock), metrics, health, tls);
            ChunkedInfluxQl chunked = ChunkedInfluxQl.of(target.url(), target.database(),
                Optional.ofNullable(target.username()), target.password());
            ConsoleState console = new ConsoleState(new RuleShelf(new StreamsRuleShapes(),
                List.of(StreamsRuleShapes.defaultPack())));
            ParkZones zones = new ParkZones(console.directory()::park, fallbackZone);
            // A permitted outlet is judged on its permit, every other stack on the park-wide set.
            BureauApi.register(http, tokens, new InfluxQlEmissionHistory(chunked,
                    new PermitEmissionLimits(console.permits(), new UltraLowEmissionLimits())),
                new InfluxQlCoverageHistory(chunked, influx.getInfluxQLQueryApi(), target.database()), zones,
                clock);
            PermitOutletAllowance allowance = new PermitOutletAllowance(console.permits());
            BureauApi.registerTotals(http, tokens, new InfluxQlHourlyEmissions(chunked), allowance, zones, clock);
            BureauApi.registerReports(http, tokens, new MonthlyReportHandler.Sources(console.directory(),
                console.permits(), new InfluxQlMonthWindows(chunked), new InfluxQlHourlyEmissions(chunked), allowance),
                zones, clock);
            OperatorsApi.register(http, tokens, alerts, commands, zones, clock);
            KafkaStateFeed stateFeed = new KafkaStateFeed(board.kafka(), "parkwatch-console-state",
                console.folds(),
                clock, unreadable(board.kafka(), "parkwatch-console-state-rejected", metrics, clock));
            parts.add(0, stateFeed.start());
            health.addReady(feedCheck("console.state-feed",
                "the console's feed of registry, rule packs, permits, coverage and completeness", stateFeed::alive));
            ConsoleApi.register(http, tokens, console, new ConsoleApi.Sources(new InfluxQlPointSeries(chunked),
                new InfluxQlVehiclePositions(chunked), new InfluxQlLastReadings(chunked, SILENT_LOOK_BACK)),
                alerts, clock);
            http.start();
            return new ConsoleRuntime(parts, http);
        } catch (IOException | RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    /** Where a console feed parks the records it cannot read: the rejected topic, as {@code console:topic/partition@offset}. */
    /** Up while the feed reads (or replays); down while it waits out a back-off after a failure, or has stopped. */
    private static HealthCheck feedCheck(String name, String what, BooleanSupplier alive) {
        return HealthCheck.of(name, () -> alive.getAsBoolean() ? HealthCheck.Verdict.up(what + " reading")
            : HealthCheck.Verdict.down(what + " not reading: restarting after a failure, or stopped"));
    }

    private static UnreadableRecords unreadable(KafkaConnection kafka, String clientId, MeterRegistry meters, Clock clock) {
        return UnreadableRecords.toKafka("console", kafka, clientId, meters, clock);
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
        closeAll(parts);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                // Closing the rest matters more than this one's failure.
            }
        }
    }
}
