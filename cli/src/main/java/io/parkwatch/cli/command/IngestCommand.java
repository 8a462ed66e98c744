package io.parkwatch.cli.command;

import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.Jt808Endpoint;
import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.cli.runtime.RegistryRuntime;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.registry.file.RegistryFileReader;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.ingest.directory.KafkaPointDirectory;
import io.parkwatch.ingest.hj212.Hj212Settings;
import io.parkwatch.ingest.hj212.tcp.Hj212Passwords;
import io.parkwatch.ingest.hj212.tcp.Hj212TcpSettings;
import io.parkwatch.ingest.jt808.tcp.AuthenticationCodes;
import io.parkwatch.ingest.jt808.tcp.Jt808TcpSettings;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.tls.TlsMaterial;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Run the MQTT→Kafka gateway against external brokers.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    KafkaOption kafka;

    @Mixin
    MetricsOption metrics;

    @Mixin
    TopicOptions topics;

    @Mixin
    ReplicationOption replication;

    @Mixin
    MqttTlsOptions mqttTls;

    @Option(names = "--mqtt", paramLabel = "URI",
        description = "MQTT broker, e.g. tcp://host:1883 or ssl://host:8883. Required unless the gateway takes field "
            + "equipment over TCP "
            + "only (--hj212-port or --jt808-port).")
    String mqtt;

    @Option(names = "--mqtt-user", defaultValue = "parkwatch-gateway",
        description = "MQTT username; the password is read from PARKWATCH_MQTT_PASSWORD (not needed with "
            + "--mqtt-cert, whose common name must then be this username). Default: ${DEFAULT-VALUE}.")
    String mqttUser;

    @Option(names = "--client-id", defaultValue = "parkwatch-gateway-1",
        description = "Stable per instance: the broker keeps this instance's session. Default: ${DEFAULT-VALUE}.")
    String clientId;

    @Option(names = "--receive-maximum", defaultValue = "1000",
        description = "Unacknowledged messages in flight. Default: ${DEFAULT-VALUE}.")
    int receiveMaximum;

    @Option(names = "--mqtt-connections", defaultValue = "1",
        description = "MQTT connections of this gateway in the shared subscription group (client ids --client-id, "
            + "then --client-id-2, …), each with --receive-maximum in flight and its own receiving thread. "
            + "1.." + MqttSubscriptionSettings.MAX_CONNECTIONS + ". Default: ${DEFAULT-VALUE}.")
    int mqttConnections;

    @Option(names = "--registry", paramLabel = "FILE",
        description = "Load this registry file into the registry topic at start (as 'registry load' does). "
            + "Without it (or --sample-registry) the gateway uses what the topic holds.")
    Path registryFile;

    @Option(names = "--sample-registry", description = "Load the sample registry of --seed at start.")
    boolean sampleRegistry;

    @Option(names = "--seed", defaultValue = "2025", description = "Seed of the sample registry. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--hj212-hold-split-parts",
        description = "Hold the parts of split HJ 212 packets sent as separate messages, unacknowledged, until "
            + "their packet is whole. Needs a broker that keeps delivering meanwhile (Mosquitto: yes; HiveMQ CE: no).")
    boolean holdSplitParts;

    @Option(names = "--hj212-split-window", defaultValue = "PT60S", paramLabel = "DURATION",
        description = "How long held parts wait for the rest of their packet (e.g. 60s, PT60S). Default: ${DEFAULT-VALUE}.")
    Duration splitWindow;

    @Option(names = "--hj212-port", paramLabel = "PORT",
        description = "Listen for HJ 212 data loggers over TCP on this port (0 picks a free one). Off without it.")
    Integer hj212Port;

    @Option(names = "--hj212-host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
        description = "Address the HJ 212 TCP listener binds. Default: ${DEFAULT-VALUE}.")
    String hj212Host;

    @Option(names = "--hj212-credentials", paramLabel = "FILE",
        description = "Properties file of the loggers' access passwords, one hj212.{MN}=PW line per logger; "
            + "required with --hj212-port.")
    Path hj212Credentials;

    @Option(names = "--hj212-idle-timeout", defaultValue = "PT5M", paramLabel = "DURATION",
        description = "Close an HJ 212 TCP connection silent this long with no answer pending. Default: ${DEFAULT-VALUE}.")
    Duration hj212IdleTimeout;

    @Option(names = "--jt808-port", paramLabel = "PORT",
        description = "Take JT/T 808 vehicle terminals over TCP on this port (off without it). The secret their "
            + "authentication codes derive from is read from PARKWATCH_JT808_SECRET (at least "
            + AuthenticationCodes.MIN_SECRET_LENGTH + " characters).")
    Integer jt808Port;

    @Option(names = "--jt808-host", defaultValue = "0.0.0.0",
        description = "Address the JT/T 808 port binds. Default: ${DEFAULT-VALUE}.")
    String jt808Host;

    @Option(names = "--jt808-heartbeat", defaultValue = "PT60S", paramLabel = "DURATION",
        description = "The terminals' heartbeat interval; a connection silent for three of them is closed. "
            + "Default: ${DEFAULT-VALUE}.")
    Duration jt808Heartbeat;

    @Override
    public Integer call() throws Exception {
        int partitions = topics.partitions();
        short replicationFactor = replication.replicationFactor();
        KafkaConnection connection = kafka.connection();
        TlsMaterial tls = mqttTls.material(mqtt);
        String password = checkedMqttPassword();
        Hj212TcpSettings hj212Tcp = hj212Tcp();
        Hj212Passwords hj212Passwords = null;
        if (hj212Tcp != null) {
            hj212Passwords = Hj212Passwords.load(hj212Credentials, "--hj212-credentials");
            // A taken port fails now, before anything starts, naming the option.
            LoopbackPorts.requireFree(hj212Tcp.host(), hj212Tcp.port(), "--hj212-port");
        }
        Jt808Endpoint terminals = jt808();
        if (terminals != null) {
            LoopbackPorts.requireFree(terminals.settings().host(), terminals.settings().port(), "--jt808-port");
        }
        Registry registry = registryFile != null ? RegistryFileReader.read(registryFile)
            : sampleRegistry ? SampleRegistry.generate(seed) : null;
        TopicProvisioner.ensure(connection, partitions, replicationFactor);
        KafkaPointDirectory directory = RegistryRuntime.directory(connection, registry,
            clientId + "-registry", metrics.registry);
        MetricsHttpServer endpoint = metrics.start(9301);
        MqttSubscriptionSettings subscription = mqtt == null ? null
            : new MqttSubscriptionSettings(mqtt, mqttUser, password == null ? null : password.toCharArray(), clientId,
                ParkAccounts.GATEWAY_GROUP, "parks/#", receiveMaximum, 7 * 24 * 3600, mqttConnections, tls);
        GatewayRuntime gateway = GatewayRuntime.start(connection, subscription, directory, metrics.registry,
            Clock.systemUTC(), hj212());
        if (hj212Tcp != null) {
            try {
                int port = gateway.listenHj212(hj212Tcp, hj212Passwords, "--hj212-port").port();
                System.out.println("HJ 212 loggers over TCP: " + hj212Tcp.host() + ":" + port + " ("
                    + hj212Passwords.size() + " passwords)");
            } catch (RuntimeException | java.io.IOException e) {
                gateway.close();
                throw e;
            }
        }
        if (terminals != null) {
            try {
                int port = gateway.listenJt808(terminals, "--jt808-port", Clock.systemUTC()).port();
                System.out.println("JT/T 808 terminals over TCP: tcp://" + terminals.settings().host() + ":" + port);
            } catch (RuntimeException | InterruptedException e) {
                gateway.close();
                throw e;
            }
        }
        gateway.registerHealth(metrics.health);
        metrics.health.started();
        System.out.println("parkwatch gateway running: " + (mqtt == null ? "TCP listeners only" : mqtt) + " → "
            + kafka.bootstrapServers);
        UntilStopped.run(gateway, directory, endpoint);
        return 0;
    }

    /** Checks the sources and the registry options; the MQTT password, null when there is no --mqtt. */
    private String checkedMqttPassword() {
        if (mqtt == null && hj212Port == null && jt808Port == null) {
            throw new IllegalArgumentException("--mqtt is required unless --hj212-port or --jt808-port is given "
                + "(a gateway must take readings from somewhere)");
        }
        if (registryFile != null && sampleRegistry) {
            throw new IllegalArgumentException("give either --registry or --sample-registry, not both");
        }
        if (mqttConnections < 1 || mqttConnections > MqttSubscriptionSettings.MAX_CONNECTIONS) {
            throw new IllegalArgumentException("--mqtt-connections must be 1.." + MqttSubscriptionSettings.MAX_CONNECTIONS
                + ": " + mqttConnections);
        }
        String password = System.getenv("PARKWATCH_MQTT_PASSWORD");
        if (mqtt != null && password == null && !mqttTls.presentsCertificate()) {
            throw new IllegalArgumentException("set PARKWATCH_MQTT_PASSWORD to the password of --mqtt-user " + mqttUser
                + ", or log in with --mqtt-cert and --mqtt-key");
        }
        return password;
    }

    /** The TCP listener's settings, or null when --hj212-port is not given. */
    private Hj212TcpSettings hj212Tcp() {
        if (hj212Port == null) {
            if (hj212Credentials != null) {
                throw new IllegalArgumentException("--hj212-credentials needs --hj212-port (the listener is off without it)");
            }
            return null;
        }
        if (hj212Credentials == null) {
            throw new IllegalArgumentException("--hj212-port needs --hj212-credentials FILE with the loggers' "
                + "hj212.{MN}=PW passwords");
        }
        return new Hj212TcpSettings(hj212Host, hj212Port, hj212IdleTimeout, Hj212TcpSettings.DEFAULT_MAX_IN_FLIGHT,
            Hj212TcpSettings.DEFAULT_MAX_FAILED_LOGINS, Hj212TcpSettings.DEFAULT_MAX_SKIPPED_BYTES);
    }

    /** The JT/T 808 listener's settings, each checked under the option that gave it; null without --jt808-port. */
    private Jt808Endpoint jt808() {
        if (jt808Port == null) {
            return null;
        }
        if (jt808Port < 1 || jt808Port > 65_535) {
            throw new IllegalArgumentException("--jt808-port must be 1-65535: " + jt808Port);
        }
        if (jt808Heartbeat.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--jt808-heartbeat must be at least 1s: " + jt808Heartbeat);
        }
        if (jt808Host.isBlank()) {
            throw new IllegalArgumentException("--jt808-host is empty");
        }
        String secret = System.getenv("PARKWATCH_JT808_SECRET");
        try {
            return Jt808Endpoint.of(Jt808TcpSettings.of(jt808Host, jt808Port, jt808Heartbeat), secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--jt808-port needs PARKWATCH_JT808_SECRET: " + e.getMessage(), e);
        }
    }

    private Hj212Settings hj212() {
        try {
            return new Hj212Settings(holdSplitParts, splitWindow, Hj212Settings.DEFAULTS.maxIncompletePackets());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--hj212-split-window: " + e.getMessage(), e);
        }
    }
}
