package io.parkwatch.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.Main;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.SaslScramListener;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.tls.CertificateAuthority;
import io.parkwatch.infra.tls.IssuedCertificate;
import io.parkwatch.infra.tls.Pem;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.hj212.Hj212Settings;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.sink.SinkSettings;
import io.parkwatch.sink.influx.RetentionSettings;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.testkit.TestAccounts;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.health.HealthStatus;
import io.parkwatch.transport.kafka.KafkaClientProperties;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.retry.Backoff;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Kafka broker that takes clients only over TLS with SASL/SCRAM-SHA-512 (its plain listener is
 * the launcher's own): the gateway and the sink, given nothing but the bootstrap address and a
 * {@code --kafka-config} file, carry a reading from MQTT to InfluxDB through it; a file with a
 * wrong password stops a command at start with one line, and leaves the sink not ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredKafkaIT {

    private static final String USER = "parkwatch-svc";
    private final String password = UUID.randomUUID().toString();
    private final Path dir = SharedServers.directory("secured-kafka");
    private final List<AutoCloseable> running = new ArrayList<>();
    private EmbeddedKafka kafka;
    private Path clientConfig;

    @BeforeAll
    void startBroker() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("parkwatch test CA", Duration.ofDays(1),
            Clock.systemUTC());
        IssuedCertificate server = ca.issueServer("kafka", List.of("localhost"), List.of("127.0.0.1"));
        Path keyStore = dir.resolve("broker.pem");
        Pem.writePrivateKey(keyStore, server.key());
        Files.writeString(keyStore, Pem.certificate(server.certificate()) + Pem.certificate(ca.certificate()),
            StandardOpenOption.APPEND);
        Pem.writeCertificates(dir.resolve("ca.pem"), ca.certificate());
        kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka"))
            .withSecuredListener(new SaslScramListener(0, keyStore, Map.of(USER, password))));
        running.add(kafka);
        clientConfig = clientConfig("client.properties", password);
    }

    @AfterAll
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private Path clientConfig(String name, String secret) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n",
            "security.protocol=SASL_SSL",
            "sasl.mechanism=SCRAM-SHA-512",
            "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + USER + "\" password=\"" + secret + "\";",
            "ssl.truststore.type=PEM",
            "ssl.truststore.location=" + dir.resolve("ca.pem")), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void aReadingGoesFromMqttToInfluxDbThroughTheSecuredBroker() throws Exception {
        KafkaConnection secured = new KafkaConnection(kafka.securedBootstrapServers(),
            KafkaClientProperties.load(clientConfig, "--kafka-config"));
        String database = "secured_kafka_it";
        String pointId = "elec-secured";
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TopicProvisioner.ensure(secured, 3, (short) 1);
        running.add(SinkRuntime.start(SinkSettings.defaults(secured),
            InfluxTarget.v1(SharedServers.influxd().url(), database), RetentionSettings.defaults(), meters,
            Clock.systemUTC()));
        PointEntry meter = new PointEntry(TestAccounts.PARK, TestAccounts.ENTERPRISE_1, pointId, Module.ENERGY,
            "electricity-meter", Duration.ofMinutes(1), null, null);
        running.add(GatewayRuntime.start(secured, new MqttSubscriptionSettings(SharedServers.mqtt().uri(),
                TestAccounts.GATEWAY, TestAccounts.password(TestAccounts.GATEWAY), "gateway-secured-kafka",
                ParkAccounts.GATEWAY_GROUP, "parks/#", 100, 300),
            RegistryView.of(List.of(meter)), meters, Clock.systemUTC(), Hj212Settings.DEFAULTS));

        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(5);
        publish("parks/testpark/enterprises/e1/points/" + pointId, "{\"metric\":\"active_power\",\"value\":7.25,"
            + "\"unit\":\"kW\",\"ts\":" + at.toEpochMilli() + ",\"id\":\"secured-1\"}");

        String influx = SharedServers.influxd().url();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(InfluxQl.rows(influx, database,
            "SELECT * FROM reading WHERE point = '" + pointId + "'")).singleElement().satisfies(row -> {
                assertThat(row).containsEntry("message_id", "secured-1");
                assertThat(Double.parseDouble((String) row.get("value"))).isEqualTo(7.25);
            }));
    }

    @Test
    void aWrongPasswordStopsACommandAtStartWithOneLine() throws Exception {
        Path wrong = clientConfig("wrong.properties", "not-" + password);
        StringWriter err = new StringWriter();

        int exit = Main.commandLine().setErr(new PrintWriter(err, true)).execute("streams", "--kafka",
            kafka.securedBootstrapServers(), "--kafka-config", wrong.toString(), "--metrics-port", "-1",
            "--state-dir", dir.resolve("streams-wrong").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("parkwatch: Kafka at " + kafka.securedBootstrapServers()
            + " refused this client").contains("SCRAM-SHA-512").contains("--kafka-config").doesNotContain("\n");
    }

    @Test
    void aWrongPasswordLeavesTheSinkNotReadyNamingKafka() throws Exception {
        KafkaConnection wrong = new KafkaConnection(kafka.securedBootstrapServers(),
            KafkaClientProperties.load(clientConfig("wrong-sink.properties", "not-" + password), "--kafka-config"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Health health = new Health(meters);
        try (SinkRuntime sink = SinkRuntime.start(new SinkSettings(wrong, "sink-wrong-" + UUID.randomUUID(), 100,
                Duration.ofMillis(100), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2))),
            InfluxTarget.v1(SharedServers.influxd().url(), "secured_kafka_wrong"), RetentionSettings.defaults(),
            meters, Clock.systemUTC())) {
            sink.registerHealth(health);
            health.started();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(health.ready().status()).isEqualTo(HealthStatus.DOWN);
                assertThat(health.ready().checks()).anySatisfy(check -> assertThat(check.toString())
                    .contains("sink.lag").contains("Authentication failed"));
            });
        }
    }

    private static void publish(String topic, String payload) throws Exception {
        String user = TestAccounts.username(TestAccounts.ENTERPRISE_1);
        MqttClient client = new MqttClient(SharedServers.mqtt().uri(), "e1-secured-kafka", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(new String(TestAccounts.password(user)).getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(topic, message);
        client.disconnect();
        client.close();
    }
}
