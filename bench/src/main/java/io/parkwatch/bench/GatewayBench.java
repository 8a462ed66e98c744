package io.parkwatch.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Three measurements over one set of embedded servers: the broker alone (publishers → broker → a
 * Paho subscriber), the gateway (publishers → broker → gateway → Kafka acks) and a raw Kafka
 * producer sending the records the gateway makes. Each phase first runs a warm-up of its own.
 */
public final class GatewayBench {

    /**
     * How to run.
     *
     * @param persistence    where the broker keeps sessions and queues
     * @param gatewayClients     gateway instances in the shared subscription group
     * @param receiveMaximum     each gateway connection's MQTT receive maximum
     * @param mqttConnections    MQTT connections per gateway instance ({@code ingest --mqtt-connections})
     * @param readingsPerMessage readings per MQTT message (a JSON array when more than one)
     */
    public record Settings(long messages, int publishers, BrokerKind broker, MqttPersistence persistence, long warmUp,
                           int gatewayClients, int receiveMaximum, int mqttConnections, int readingsPerMessage) {

        public Settings {
            if (messages < 1) {
                throw new IllegalArgumentException("--messages must be positive: " + messages);
            }
            if (warmUp < 0) {
                throw new IllegalArgumentException("--warm-up must not be negative: " + warmUp);
            }
            if (gatewayClients < 1) {
                throw new IllegalArgumentException("--gateway-clients must be positive: " + gatewayClients);
            }
            if (receiveMaximum < 1 || receiveMaximum > 65_535) {
                throw new IllegalArgumentException("--receive-maximum must be 1..65535: " + receiveMaximum);
            }
            if (mqttConnections < 1 || mqttConnections > MqttSubscriptionSettings.MAX_CONNECTIONS) {
                throw new IllegalArgumentException("--mqtt-connections must be 1.." + MqttSubscriptionSettings.MAX_CONNECTIONS
                    + ": " + mqttConnections);
            }
        }
    }

    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(10);

    private final Settings settings;
    private final BenchLoad load;

    public GatewayBench(Settings settings) {
        this.settings = settings;
        this.load = new BenchLoad(settings.publishers(), settings.readingsPerMessage());
    }

    public BenchReport run() throws Exception {
        String loadBefore = BenchReport.loadAverage();
        try (BenchServers servers = BenchServers.start(settings.broker(), settings.persistence(), new StaticAccessPolicy(load.accounts()))) {
            // The broker first: its subscriber joins the gateway's share group and must be gone
            // before the gateway's persistent sessions join it.
            PhaseResult broker = brokerAlone(servers);
            PhaseResult gateway = gateway(servers);
            PhaseResult raw = new RawProducerPhase(servers.kafka(), load, servers.cpu()).run(settings.warmUp(), settings.messages());
            return new BenchReport(settings, gateway, raw, broker, loadBefore, BenchReport.loadAverage());
        }
    }

    private PhaseResult brokerAlone(BenchServers servers) throws Exception {
        try (CountingSubscriber subscriber = CountingSubscriber.connect(servers.mqtt(), load,
                settings.receiveMaximum()); Publishers publishers = Publishers.connect(servers.mqtt(), load, "bb")) {
            if (settings.warmUp() > 0) {
                publishers.start("warm-broker", settings.warmUp()).get(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                subscriber.awaitAtLeast(settings.warmUp(), PHASE_TIMEOUT);
            }
            long before = subscriber.received();
            long started = System.nanoTime();
            long cpuBefore = servers.cpu().now();
            CompletableFuture<Void> sending = publishers.start("broker", settings.messages());
            long received = subscriber.awaitAtLeast(before + settings.messages(), PHASE_TIMEOUT) - before;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            sending.get(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new PhaseResult("broker alone", settings.messages(), received * settings.readingsPerMessage(), elapsed,
                settings.readingsPerMessage(), servers.cpu().now() - cpuBefore);
        }
    }

    private PhaseResult gateway(BenchServers servers) throws Exception {
        List<GatewayRuntime> gateways = new ArrayList<>();
        try (KafkaRecordCount readings = new KafkaRecordCount(servers.kafka(), Topics.READINGS.name());
             Publishers publishers = Publishers.connect(servers.mqtt(), load, "bg")) {
            for (int i = 1; i <= settings.gatewayClients(); i++) {
                gateways.add(GatewayRuntime.start(servers.kafka(), new MqttSubscriptionSettings(servers.mqtt(),
                        BenchLoad.GATEWAY_USER, load.password(), "bench-gateway-" + i, ParkAccounts.GATEWAY_GROUP,
                        "parks/#", settings.receiveMaximum(), 300, settings.mqttConnections()),
                    RegistryView.of(load.registeredPoints()), new SimpleMeterRegistry(), Clock.systemUTC()));
            }
            int perMessage = settings.readingsPerMessage();
            if (settings.warmUp() > 0) {
                long target = readings.total() + settings.warmUp() * perMessage;
                publishers.start("warm-gateway", settings.warmUp()).get(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                readings.awaitAtLeast(target, PHASE_TIMEOUT);
            }
            long before = readings.total();
            long started = System.nanoTime();
            long cpuBefore = servers.cpu().now();
            CompletableFuture<Void> sending = publishers.start("gateway", settings.messages());
            long arrived = readings.awaitAtLeast(before + settings.messages() * perMessage, PHASE_TIMEOUT) - before;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            sending.get(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new PhaseResult("gateway", settings.messages(), arrived, elapsed, perMessage,
                servers.cpu().now() - cpuBefore);
        } finally {
            gateways.forEach(GatewayRuntime::close);
        }
    }
}
