package io.parkwatch.cli.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.mqtt.MqttTlsListener;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoBroker;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import io.parkwatch.infra.tls.CertificateAuthority;
import io.parkwatch.infra.tls.IssuedCertificate;
import io.parkwatch.infra.tls.Pem;
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
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.tls.TlsMaterial;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * The gateway and the simulator on Mosquitto's TLS port only, each logging in with a client certificate
 * made here by a throw-away CA: the park's readings reach Kafka.
 */
class GatewayOverTlsIT {

    private static final String PARK = "jungar";
    private static final String GATEWAY = "gateway-tls";

    @Test
    void theGatewayOverSslCarriesTheSimulatorsReadingsIntoKafka() throws Exception {
        Registry registry = SampleRegistry.generate(7);
        SimulatedPark park = SampleParks.of(registry, PARK, 3, 7);
        Instant start = Instant.now();
        Scenario scenario = Scenario.of(registry, List.of(park), new ScenarioSettings(7, start, 20, FaultSpec.none()));
        CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(1), Clock.systemUTC());
        Path dir = SharedServers.directory("mqtt-tls");
        ca.issueServer("mqtt", List.of("localhost"), List.of("127.0.0.1"))
            .writePem(dir.resolve("server.pem"), dir.resolve("server.key"));
        Pem.writeCertificates(dir.resolve("ca.pem"), ca.certificate());
        List<MqttAccount> accounts = new ArrayList<>(List.of(ParkAccounts.gateway(GATEWAY, secret())));
        scenario.logins().forEach(login -> accounts.add(login.endsWith(".vehicles")
            ? ParkAccounts.fleet(login, secret(), PARK)
            : ParkAccounts.enterprise(login, secret(), PARK, login.substring(login.indexOf('.') + 1))));
        String kafka = SharedServers.kafka().bootstrapServers();

        try (MosquittoBroker broker = MosquittoBroker.start(MosquittoConfig.defaults(dir.resolve("broker"),
                new StaticAccessPolicy(accounts)).withTls(new MqttTlsListener(0, dir.resolve("server.pem"),
                dir.resolve("server.key"), dir.resolve("ca.pem"))));
             GatewayRuntime gateway = GatewayRuntime.start(kafka, new MqttSubscriptionSettings(
                 broker.tlsUri().orElseThrow(), null, null, "gateway-over-tls", ParkAccounts.GATEWAY_GROUP,
                 "parks/#", 100, 0, 1, material(ca, ca.issueClient(GATEWAY))),
                 RegistryView.of(registry.points()), new SimpleMeterRegistry(), Clock.systemUTC());
             ParkSimulator simulator = new ParkSimulator(scenario, start, Clock.systemUTC(), 200)) {
            simulator.start(broker.tlsUri().orElseThrow(), login -> new SenderCredentials(login, new char[] {'-'},
                material(ca, ca.issueClient(login))));
            try (KafkaConsumer<String, Reading> consumer = consumer(kafka)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    for (ConsumerRecord<String, Reading> r : consumer.poll(Duration.ofMillis(300))) {
                        if (PARK.equals(PointKey.parkOf(r.key())) && !r.value().receivedAt().isBefore(start)) {
                            return true;
                        }
                    }
                    return false;
                });
            }
            simulator.drain(Duration.ofSeconds(10));
            assertThat(simulator.truth().counts().acknowledged()).isPositive()
                .isEqualTo(simulator.truth().counts().sent());
        }
    }

    private static TlsMaterial material(CertificateAuthority ca, IssuedCertificate certificate) {
        return new TlsMaterial(List.of(ca.certificate()), List.of(certificate.certificate()), certificate.key());
    }

    private static char[] secret() {
        return UUID.randomUUID().toString().toCharArray();
    }

    private static KafkaConsumer<String, Reading> consumer(String kafka) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-tls-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, Reading> consumer = new KafkaConsumer<>(props, Topics.READINGS.keySerde().deserializer(),
            Topics.READINGS.valueSerde().deserializer());
        consumer.subscribe(List.of(Topics.READINGS.name()));
        return consumer;
    }
}
