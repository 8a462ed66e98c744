package io.parkwatch.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoBroker;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.simulator.fault.FaultSpec;
import io.parkwatch.simulator.mqtt.ParkSimulator;
import io.parkwatch.simulator.mqtt.SenderCredentials;
import io.parkwatch.simulator.park.SampleParks;
import io.parkwatch.simulator.park.SimulatedPark;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.ScenarioSettings;
import io.parkwatch.simulator.truth.GroundTruth;
import io.parkwatch.simulator.truth.SilentPoint;
import io.parkwatch.testkit.SharedServers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * The simulator against the real gateway, Kafka and Mosquitto for a few seconds, with faults:
 * the rejected topic holds, per reason, exactly the rejects the ground truth expects, and no
 * point that is silent by design ever shows up in the readings topic.
 */
class SimulatorPipelineIT {

    private static final List<String> PARKS = List.of("otog", "huolingol");
    private static final String GATEWAY = "gateway-sim";

    @Test
    void theRejectedTopicMatchesTheTruthAndSilentPointsNeverReport() throws Exception {
        Registry registry = SampleRegistry.generate(42);
        List<SimulatedPark> parks = PARKS.stream().map(p -> SampleParks.of(registry, p, 40, 42)).toList();
        Instant start = Instant.now();
        Scenario scenario = Scenario.of(registry, parks, new ScenarioSettings(42, start, 5,
            FaultSpec.parse("silent=0.2,malformed=0.04,bad-crc=0.1,duplicate=0.03,out-of-order=0.02")));
        Map<String, char[]> passwords = new TreeMap<>();
        List<MqttAccount> accounts = accounts(scenario, passwords);
        String kafka = SharedServers.kafka().bootstrapServers();
        GroundTruth truth;
        try (MosquittoBroker broker = MosquittoBroker.start(MosquittoConfig.defaults(SharedServers.directory("sim-mqtt"),
                new StaticAccessPolicy(accounts)));
             GatewayRuntime gateway = GatewayRuntime.start(kafka, new MqttSubscriptionSettings(broker.uri(), GATEWAY,
                 passwords.get(GATEWAY), "gateway-simulator", ParkAccounts.GATEWAY_GROUP, "parks/#", 100, 0),
                 RegistryView.of(registry.points()), new SimpleMeterRegistry(), Clock.systemUTC());
             ParkSimulator simulator = new ParkSimulator(scenario, start, Clock.systemUTC(), 400)) {
            simulator.start(broker.uri(), login -> new SenderCredentials(login, passwords.get(login)));
            Thread.sleep(12_000);
            simulator.drain(Duration.ofSeconds(30));
            truth = simulator.truth();
            assertThat(truth.counts().sent()).isGreaterThan(150);
            assertThat(truth.counts().acknowledged()).isEqualTo(truth.counts().sent());
            assertThat(truth.expectedRejects()).containsKeys("MALFORMED_JSON", "HJ212_BAD_CRC");

            Map<String, Long> rejected = new TreeMap<>();
            try (KafkaConsumer<String, Rejection> consumer = consumer(kafka, Topics.REJECTED)) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    for (ConsumerRecord<String, Rejection> r : consumer.poll(Duration.ofMillis(300))) {
                        if (ours(r.value().source())) {
                            rejected.merge(r.value().reason().name(), 1L, Long::sum);
                        }
                    }
                    assertThat(rejected).isEqualTo(truth.expectedRejects());
                });
            }
        }
        Set<String> silent = truth.silentPoints().stream().map(SilentPoint::pointKey).collect(Collectors.toSet());
        Set<String> reporting = new HashSet<>();
        try (KafkaConsumer<String, Reading> consumer = consumer(kafka, Topics.READINGS)) {
            long readings = truth.counts().readings();
            long[] seen = {0};
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, Reading> r : consumer.poll(Duration.ofMillis(300))) {
                    if (PARKS.contains(PointKey.parkOf(r.key()))) {
                        reporting.add(r.key());
                        seen[0]++;
                    }
                }
                assertThat(seen[0]).isGreaterThanOrEqualTo(readings);
            });
        }
        assertThat(truth.silentPoints()).anyMatch(p -> p.reason().equals("fault-silent"));
        assertThat(reporting).isNotEmpty().doesNotContainAnyElementsOf(silent);
        System.out.printf("simulated %d messages, %d readings, rejects %s, %d points silent by design, %d reporting%n",
            truth.counts().sent(), truth.counts().readings(), truth.expectedRejects(), silent.size(), reporting.size());
    }

    /** The gateway's login and one per sender of the scenario, with random passwords. */
    private static List<MqttAccount> accounts(Scenario scenario, Map<String, char[]> passwords) {
        List<MqttAccount> accounts = new ArrayList<>();
        passwords.put(GATEWAY, UUID.randomUUID().toString().toCharArray());
        accounts.add(ParkAccounts.gateway(GATEWAY, passwords.get(GATEWAY)));
        for (String login : scenario.logins()) {
            char[] password = UUID.randomUUID().toString().toCharArray();
            passwords.put(login, password);
            String[] parts = login.split("\\.", 2);
            accounts.add(parts[1].equals("vehicles") ? ParkAccounts.fleet(login, password, parts[0])
                : ParkAccounts.enterprise(login, password, parts[0], parts[1]));
        }
        return accounts;
    }

    private static boolean ours(String source) {
        return source != null && PARKS.stream().anyMatch(p -> source.startsWith("parks/" + p + "/"));
    }

    private static <V> KafkaConsumer<String, V> consumer(String kafka, TopicSpec<String, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "simulator-" + topic.name() + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
        return consumer;
    }
}
