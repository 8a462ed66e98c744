package io.parkwatch.cli.command;

import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.cli.runtime.RegistryRuntime;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.registry.file.RegistryFileReader;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.ingest.directory.KafkaPointDirectory;
import io.parkwatch.ingest.hj212.Hj212Settings;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.simulator.registry.SampleRegistry;
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

    @Option(names = "--mqtt", required = true, paramLabel = "URI", description = "MQTT broker, e.g. tcp://host:1883.")
    String mqtt;

    @Option(names = "--mqtt-user", defaultValue = "parkwatch-gateway",
        description = "MQTT username; the password is read from PARKWATCH_MQTT_PASSWORD. Default: ${DEFAULT-VALUE}.")
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

    @Override
    public Integer call() throws Exception {
        String password = System.getenv("PARKWATCH_MQTT_PASSWORD");
        if (password == null) {
            throw new IllegalArgumentException("set PARKWATCH_MQTT_PASSWORD to the password of --mqtt-user " + mqttUser);
        }
        if (registryFile != null && sampleRegistry) {
            throw new IllegalArgumentException("give either --registry or --sample-registry, not both");
        }
        if (mqttConnections < 1 || mqttConnections > MqttSubscriptionSettings.MAX_CONNECTIONS) {
            throw new IllegalArgumentException("--mqtt-connections must be 1.." + MqttSubscriptionSettings.MAX_CONNECTIONS
                + ": " + mqttConnections);
        }
        Registry registry = registryFile != null ? RegistryFileReader.read(registryFile)
            : sampleRegistry ? SampleRegistry.generate(seed) : null;
        TopicProvisioner.ensure(kafka.bootstrapServers, 3, (short) 1);
        KafkaPointDirectory directory = RegistryRuntime.directory(kafka.bootstrapServers, registry,
            clientId + "-registry");
        MetricsHttpServer endpoint = metrics.start(9301);
        GatewayRuntime gateway = GatewayRuntime.start(kafka.bootstrapServers,
            new MqttSubscriptionSettings(mqtt, mqttUser, password.toCharArray(), clientId, ParkAccounts.GATEWAY_GROUP,
                "parks/#", receiveMaximum, 7 * 24 * 3600, mqttConnections),
            directory, metrics.registry,
            Clock.systemUTC(), hj212());
        gateway.registerHealth(metrics.health);
        metrics.health.started();
        System.out.println("parkwatch gateway running: " + mqtt + " → " + kafka.bootstrapServers);
        UntilStopped.run(gateway, directory, endpoint);
        return 0;
    }

    private Hj212Settings hj212() {
        try {
            return new Hj212Settings(holdSplitParts, splitWindow, Hj212Settings.DEFAULTS.maxIncompletePackets());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--hj212-split-window: " + e.getMessage(), e);
        }
    }
}
