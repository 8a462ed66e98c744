package io.parkwatch.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.alerts.topology.AlertsConfig;
import io.parkwatch.alerts.topology.AlertsTopology;
import io.parkwatch.alerts.topology.MicrometerThresholdMetrics;
import io.parkwatch.cli.registry.KafkaRegistryLoader;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.alert.Severity;
import io.parkwatch.contracts.coverage.CoverageRow;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.topics.TopicSpec;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.TopicProvisioner;
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
import io.parkwatch.simulator.truth.CoverageByDesign;
import io.parkwatch.simulator.truth.ExpectedAlert;
import io.parkwatch.simulator.truth.GroundTruth;
import io.parkwatch.streams.coverage.CoverageConfig;
import io.parkwatch.streams.coverage.CoverageTopology;
import io.parkwatch.transport.streams.StreamsApp;
import io.parkwatch.transport.streams.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short seeded simulation through the real pipeline (Mosquitto, the gateway, the coverage and
 * alerts applications on a Kafka of its own, so that no other test's registry counts) checked
 * against its ground truth: every plan row of the played parks reaches the truth's required and
 * live counts, and every combustible-gas leak the truth names raises its alert, at its first
 * reading over the trigger, critical once the leak's peak was sent; no other leak alert fires.
 */
class SimulatorGroundTruthIT {

    private static final List<String> PARKS = List.of("otog", "huolingol");
    private static final String GATEWAY = "gateway-truth";
    private static final long SEED = 7;

    @Test
    void theCoverageRowsAndTheAlertsThatMustFireMatchTheGroundTruth(@TempDir Path dir) throws Exception {
        Registry registry = SampleRegistry.generate(SEED);
        List<SimulatedPark> parks = PARKS.stream().map(p -> SampleParks.of(registry, p, 40, SEED)).toList();
        Instant start = Instant.now();
        Scenario scenario = Scenario.of(registry, parks, new ScenarioSettings(SEED, start, 5,
            FaultSpec.parse("silent=0.2,leak=0.08")));
        Map<String, char[]> passwords = new TreeMap<>();
        List<MqttAccount> accounts = accounts(scenario, passwords);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka")))) {
            String bootstrap = kafka.bootstrapServers();
            TopicProvisioner.ensure(bootstrap, 3, (short) 1);
            new KafkaRegistryLoader(bootstrap).load(registry);
            StreamsSettings streams = new StreamsSettings("truth", bootstrap, Files.createDirectories(dir.resolve("state")),
                1, 1, StreamsSettings.DEFAULT_COMMIT_INTERVAL);
            try (StreamsApp coverage = new StreamsApp(CoverageTopology.build(CoverageConfig.defaults()),
                     streams.forApplication("coverage"), CoverageTopology.STREAMS_OVERRIDES, meters);
                 StreamsApp alerts = new StreamsApp(AlertsTopology.build(AlertsConfig.defaults(
                     new MicrometerThresholdMetrics(meters))), streams.forApplication("alerts"),
                     AlertsTopology.STREAMS_OVERRIDES, meters);
                 MosquittoBroker broker = MosquittoBroker.start(MosquittoConfig.defaults(
                     Files.createDirectories(dir.resolve("mqtt")), new StaticAccessPolicy(accounts)));
                 GatewayRuntime gateway = GatewayRuntime.start(bootstrap, new MqttSubscriptionSettings(broker.uri(),
                     GATEWAY, passwords.get(GATEWAY), "gateway-truth", ParkAccounts.GATEWAY_GROUP, "parks/#", 100, 0),
                     RegistryView.of(registry.points()), meters, Clock.systemUTC());
                 ParkSimulator simulator = new ParkSimulator(scenario, start, Clock.systemUTC(), 400)) {
                coverage.start(Duration.ofMinutes(1));
                alerts.start(Duration.ofMinutes(1));
                simulator.start(broker.uri(), login -> new SenderCredentials(login, passwords.get(login)));
                Thread.sleep(12_000);
                simulator.drain(Duration.ofSeconds(20));
                GroundTruth truth = simulator.truth();
                assertThat(truth.counts().acknowledged()).isEqualTo(truth.counts().sent()).isGreaterThan(100);
                assertCoverage(bootstrap, truth);
                assertAlerts(bootstrap, truth);
            }
        }
    }

    private static void assertCoverage(String bootstrap, GroundTruth truth) {
        List<CoverageByDesign> expected = truth.coverage().stream().filter(c -> PARKS.contains(c.park())).toList();
        assertThat(expected).anyMatch(c -> c.live() > 0).anyMatch(c -> c.live() < c.required());
        Map<String, CoverageRow> latest = new TreeMap<>();
        try (KafkaConsumer<String, CoverageRow> consumer = consumer(bootstrap, Topics.COVERAGE)) {
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                for (ConsumerRecord<String, CoverageRow> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.value() != null) {
                        latest.put(r.key(), r.value());
                    }
                }
                for (CoverageByDesign row : expected) {
                    assertThat(latest.values()).as("%s %s %s", row.park(), row.module(), row.entityClass())
                        .filteredOn(r -> r.park().equals(row.park()) && r.module().name().equals(row.module())
                            && r.entityClass().equals(row.entityClass()))
                        .singleElement().satisfies(r -> {
                            assertThat(r.required()).as("required").isEqualTo(row.required());
                            assertThat(r.live()).as("live").isEqualTo(row.live());
                        });
                }
            });
        }
        System.out.printf("coverage: %d plan rows of %s as the truth says (%d silent points by design)%n",
            expected.size(), PARKS, truth.silentPoints().size());
    }

    private static void assertAlerts(String bootstrap, GroundTruth truth) {
        List<ExpectedAlert> leaks = truth.expectedAlerts().stream().filter(GroundTruth.Alert::complete)
            .map(GroundTruth.Alert::alert).filter(a -> a.rule().equals("combustible-gas")).toList();
        assertThat(leaks).isNotEmpty();
        List<AlertEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, AlertEvent> consumer = consumer(bootstrap, Topics.ALERTS)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, AlertEvent> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.value() != null && PARKS.contains(r.value().park())
                        && r.value().ruleId().equals("combustible-gas")) {
                        events.add(r.value());
                    }
                }
                for (ExpectedAlert leak : leaks) {
                    String point = leak.park() + "/" + leak.enterprise() + "/" + leak.point();
                    assertThat(events).as("RAISED for %s at %s", point, leak.at())
                        .anyMatch(e -> e.type() == AlertEventType.RAISED && e.pointKey().equals(point)
                            && e.firstSeen().equals(leak.at()));
                }
            });
        }
        for (GroundTruth.Alert alert : truth.expectedAlerts()) {
            ExpectedAlert leak = alert.alert();
            String point = leak.park() + "/" + leak.enterprise() + "/" + leak.point();
            if (leaks.contains(leak) && alert.messages() >= 3) {
                assertThat(events).as("critical for %s", point)
                    .anyMatch(e -> e.pointKey().equals(point) && e.severity() == Severity.CRITICAL);
            }
        }
        assertThat(events).filteredOn(e -> e.type() == AlertEventType.RAISED)
            .allSatisfy(e -> assertThat(leaks).as("an injected leak at %s", e.pointKey())
                .anyMatch(l -> e.pointKey().equals(l.park() + "/" + l.enterprise() + "/" + l.point())));
        System.out.printf("alerts: %d leaks of the truth raised (%d events)%n", leaks.size(), events.size());
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

    private static <V> KafkaConsumer<String, V> consumer(String kafka, TopicSpec<String, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "truth-" + topic.name() + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
        return consumer;
    }
}
