package io.parkwatch.cli.demo;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.cli.runtime.ConsoleRuntime;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.Jt808Endpoint;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.cli.runtime.StreamsRuntime;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.retry.Backoff;
import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.MqttTlsListener;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttBroker;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttConfig;
import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.cli.runtime.RegistryRuntime;
import io.parkwatch.cli.runtime.PermitPublisher;
import io.parkwatch.cli.runtime.RulePackPublisher;
import io.parkwatch.contracts.rules.RulePackRecord;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.ingest.directory.KafkaPointDirectory;
import io.parkwatch.ingest.hj212.tcp.Hj212Passwords;
import io.parkwatch.ingest.hj212.tcp.Hj212TcpSettings;
import io.parkwatch.ingest.jt808.tcp.Jt808TcpSettings;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.simulator.fault.FaultSpec;
import io.parkwatch.simulator.mqtt.ParkSimulator;
import io.parkwatch.simulator.park.SampleParks;
import io.parkwatch.simulator.park.SimulatedPark;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.simulator.scenario.SampleGeofences;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.ScenarioSettings;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.streams.StreamsSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on one machine: InfluxDB (child process), Kafka and the MQTT broker (in
 * this JVM), the gateway, streams, sink and console, and the simulator feeding the sample
 * Xilinhot park and the Ordos chemical park {@value #FLEET_PARK}. Everything started is stopped by {@link #close()}, in reverse order.
 */
public final class Demo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    public static final String DATABASE = "parkwatch";
    public static final String READY = "parkwatch ready";
    /**
     * The Ordos chemical park played beside Xilinhot: its hazmat and external vehicles call at the
     * tank farm, so the sample geofences raise real alerts (Xilinhot's fleet is park-owned).
     */
    public static final String FLEET_PARK = "otog";
    /** A gas leak starts at about one detector report in fifty (see JsonPlayer): alerts within a minute. */
    static final FaultSpec DEMO_FAULTS = FaultSpec.parse("leak=0.02");

    private final DemoOptions options;
    private final Clock clock = Clock.systemUTC();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    /** The status line's interval. */
    static final Duration STATUS_EVERY = Duration.ofMinutes(1);

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The whole pipeline's checks, served on the console's port. */
    private final Health health = new Health(meters);
    private SinkRuntime sink;
    private DemoEndpoints endpoints;
    private long readingsAtStart;

    public Demo(DemoOptions options) {
        this.options = options;
    }

    /** Starts everything and returns once readings are landing in InfluxDB. */
    public DemoEndpoints start() throws Exception {
        checkPorts();
        SimulatedPark park = options.park();
        SimulatedPark fleetPark = SampleParks.of(SampleRegistry.generate(park.seed()), FLEET_PARK,
            park.enterprises().size(), park.seed());
        Path data = options.dataDir().toAbsolutePath();
        DemoCredentials credentials = DemoCredentials.loadOrCreate(data.resolve("credentials.properties"),
            List.of(park, fleetPark), SampleRegistry.generate(park.seed()).points().stream()
                .map(PointEntry::hj212Mn).filter(Objects::nonNull).toList());

        InfluxdProcess influxd = keep(InfluxdProcess.start(InfluxdConfig.loopback(options.influxPort(),
            data.resolve("influxdb"))));
        EmbeddedKafka kafka = keep(EmbeddedKafka.start(EmbeddedKafkaConfig.of(data.resolve("kafka"))
            .withPort(options.kafkaPort())));
        TopicProvisioner.ensure(kafka.bootstrapServers(), options.partitions(), (short) 1);
        // The sample parks' geofences, beside the built-in default pack: the simulator's hazmat
        // vehicles call at the key areas, so they raise real geofence alerts, and the map draws them.
        RulePackPublisher.publish(kafka.bootstrapServers(), SampleGeofences.PACK, new RulePackRecord(
            SampleGeofences.PACK, SampleGeofences.forSampleParks(), "parkwatch demo", clock.instant()));
        // The sample permits of plants the registry has: their stacks are judged on their own limits,
        // and the bureau's reports have permits to show.
        List<PermitPublisher.Entry> permits = DemoPermits.fitting(SampleRegistry.generate(park.seed()), clock.instant());
        if (!permits.isEmpty()) {
            PermitPublisher.publish(KafkaConnection.to(kafka.bootstrapServers()), permits);
        }
        // The sample registry of the park's seed (the simulated park is part of it), loaded while
        // the MQTT broker starts: the gateway waits for it below.
        CompletableFuture<KafkaPointDirectory> registry = RegistryRuntime.directoryAsync(KafkaConnection.to(kafka.bootstrapServers()),
            SampleRegistry.generate(park.seed()), "parkwatch-gateway-1-registry", meters);
        keep(() -> registry.thenAccept(KafkaPointDirectory::close));
        // With --tls the gateway and the simulator connect over TLS too, each with its login's certificate.
        DemoTls tls = options.tls() ? DemoTls.ensure(data.resolve("tls"), credentials.accounts().stream()
            .map(MqttAccount::username).toList(), clock) : null;
        MqttBroker mqtt = keep(EmbeddedMqttBroker.start(EmbeddedMqttConfig
            .defaults(data.resolve("mqtt"), new StaticAccessPolicy(credentials.accounts()))
            .withPort(options.mqttPort()).withPersistence(MqttPersistence.FILE)
            .withTls(tls == null ? null : tls.listener(options.mqttTlsPort()))));

        startServices(List.of(park, fleetPark), credentials, influxd, kafka, new DemoMqtt(mqtt, tls), data, registry);
        return endpoints;
    }

    private void startServices(List<SimulatedPark> parks, DemoCredentials credentials, InfluxdProcess influxd,
                               EmbeddedKafka kafka, DemoMqtt mqtt, Path data,
                               CompletableFuture<KafkaPointDirectory> registry) throws Exception {
        SimulatedPark park = parks.get(0);
        InfluxTarget influx = InfluxTarget.v1(influxd.url(), DATABASE);
        sink = keep(SinkRuntime.start(kafka.bootstrapServers(), influx, meters, clock));
        sink.registerHealth(health);
        // The sink created the database. A restarted demo already holds readings: ready means
        // that new ones are landing.
        readingsAtStart = new ReadingCounter(influxd.url(), DATABASE).count();
        keep(StreamsRuntime.start(new StreamsSettings("parkwatch-streams", kafka.bootstrapServers(),
            data.resolve("streams-state"), 1, 1, StreamsSettings.DEFAULT_COMMIT_INTERVAL), meters))
            .registerHealth(health, clock);
        KafkaPointDirectory directory = awaitRegistry(registry);
        GatewayRuntime gateway = keep(GatewayRuntime.start(kafka.bootstrapServers(), new MqttSubscriptionSettings(
                mqtt.clientUri(), DemoCredentials.GATEWAY_USER, credentials.password(DemoCredentials.GATEWAY_USER),
                "parkwatch-gateway-1", ParkAccounts.GATEWAY_GROUP, "parks/#", 1000, 3600, 1,
                mqtt.client(DemoCredentials.GATEWAY_USER)),
            directory, meters, clock));
        gateway.registerHealth(health);
        int hj212Port = gateway.listenHj212(Hj212TcpSettings.of("127.0.0.1", options.hj212Port()),
            Hj212Passwords.load(data.resolve("credentials.properties"), "the demo's credentials file"),
            "--hj212-port").port();
        int jt808Port = gateway.listenJt808(Jt808Endpoint.of(Jt808TcpSettings.of("127.0.0.1", options.jt808Port(),
            Jt808TcpSettings.DEFAULT_HEARTBEAT), credentials.jt808Secret()), "--jt808-port", clock).port();
        Path apiTokens = DemoApiTokens.ensure(data.resolve("api-tokens.properties"),
            park.reportingPoints().get(0).entry().enterprise());
        ConsoleRuntime alerts = keep(ConsoleRuntime.start("127.0.0.1", options.httpPort(), influx,
            ConsoleRuntime.BoardSettings.of(kafka.bootstrapServers()),
            ApiTokens.load(apiTokens), ParkZones.DEFAULT, meters, health, clock));
        // The demo plays its parks without a rate limit (their load is the parks') and with gas leaks
        // now and then, so that an operator opening the console sees live alerts within a minute.
        Instant start = clock.instant();
        Scenario scenario = Scenario.of(SampleRegistry.generate(park.seed()), parks,
            new ScenarioSettings(park.seed(), start, options.speedUp(), DEMO_FAULTS));
        ParkSimulator simulator = keep(new ParkSimulator(scenario, start, clock, 0));
        simulator.start(mqtt.clientUri(), login -> mqtt.sender(credentials, login));
        endpoints = new DemoEndpoints(mqtt.broker().uri(), mqtt.tlsEndpoint(), kafka.bootstrapServers(),
            influxd.url(), DATABASE,
            "http://127.0.0.1:" + alerts.port() + "/", apiTokens, data.resolve("credentials.properties"),
            "127.0.0.1:" + hj212Port,
            "tcp://127.0.0.1:" + jt808Port,
            DemoCredentials.username(park.id(), park.reportingPoints().get(0).entry().enterprise()),
            park.reportingPoints().get(0).entry(), DemoLogging.logFile(data));
    }

    private static KafkaPointDirectory awaitRegistry(CompletableFuture<KafkaPointDirectory> registry)
            throws Exception {
        try {
            return registry.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Fails before anything starts when a chosen port is taken, naming the flag to change. */
    public void checkPorts() {
        LoopbackPorts.requireFree("127.0.0.1", options.mqttPort(), MqttBroker.PORT_FLAG);
        if (options.tls()) {
            LoopbackPorts.requireFree("127.0.0.1", options.mqttTlsPort(), MqttTlsListener.PORT_FLAG);
        }
        LoopbackPorts.requireFree("127.0.0.1", options.kafkaPort(), EmbeddedKafka.PORT_FLAG);
        LoopbackPorts.requireFree("127.0.0.1", options.influxPort(), InfluxdConfig.PORT_FLAG);
        LoopbackPorts.requireFree("127.0.0.1", options.httpPort(), "--http-port");
        LoopbackPorts.requireFree("127.0.0.1", options.hj212Port(), "--hj212-port");
        LoopbackPorts.requireFree("127.0.0.1", options.jt808Port(), "--jt808-port");
    }

    /**
     * Waits until new readings are in InfluxDB, then prints the endpoints and the ready line, and
     * from then on a status line every {@link #STATUS_EVERY}.
     */
    public void awaitReadings(PrintStream out) throws InterruptedException {
        long count = new ReadingCounter(endpoints.influxUrl(), DATABASE).awaitAtLeast(readingsAtStart + 1,
            options.readyTimeout(),
            new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2)));
        health.started();
        endpoints.print(out, count);
        out.println(READY);
        out.flush();
        DemoStatus status = new DemoStatus(meters, () -> sink.lag().current().records(), health::ready, clock,
            ZoneId.systemDefault());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-status");
            thread.setDaemon(true);
            return thread;
        });
        keep(ticker::shutdownNow);
        ticker.scheduleAtFixedRate(() -> printStatus(out, status), STATUS_EVERY.toSeconds(), STATUS_EVERY.toSeconds(),
            TimeUnit.SECONDS);
    }

    private static void printStatus(PrintStream out, DemoStatus status) {
        try {
            out.println(status.line());
            out.flush();
        } catch (RuntimeException e) {
            LOG.warn("status line failed: {}", e.toString());
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
        meters.close();
    }
}
