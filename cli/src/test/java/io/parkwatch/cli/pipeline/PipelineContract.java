package io.parkwatch.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.cli.runtime.StreamsRuntime;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.transport.streams.StreamsSettings;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.testkit.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The walking skeleton on real servers, run once per MQTT broker: a JSON reading published over
 * MQTT at QoS 1 goes through the gateway, Kafka, the streams windows and the sink, and is in
 * InfluxDB with the right tags and value; bad input is in the rejected topic with its reason and
 * raw bytes. Each broker gets its own point, database and consumer groups.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineContract {

    private final List<AutoCloseable> running = new ArrayList<>();
    private final String name;
    private final String database;
    private final String pointId;
    private final String topic;

    PipelineContract(String name) {
        this.name = name;
        this.database = "pipeline_" + name;
        this.pointId = "elec-" + name;
        this.topic = "parks/testpark/enterprises/e1/points/" + pointId;
    }

    /** The broker under test, accepting the {@link TestAccounts}. */
    abstract MqttBroker broker();

    @BeforeAll
    void startPipeline() throws Exception {
        String kafka = SharedServers.kafka().bootstrapServers();
        InfluxTarget influx = InfluxTarget.v1(SharedServers.influxd().url(), database);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PointEntry meter = new PointEntry(TestAccounts.PARK, TestAccounts.ENTERPRISE_1, pointId, Module.ENERGY,
            "electricity-meter", Duration.ofMinutes(1), null, null);
        running.add(SinkRuntime.start(kafka, influx, meters, Clock.systemUTC()));
        running.add(StreamsRuntime.start(new StreamsSettings("pipeline-" + name, kafka,
            SharedServers.directory("streams"), 1, 1, Duration.ofMillis(100)), meters));
        running.add(GatewayRuntime.start(kafka, new MqttSubscriptionSettings(broker().uri(),
                TestAccounts.GATEWAY, TestAccounts.password(TestAccounts.GATEWAY), "gateway-" + name,
                ParkAccounts.GATEWAY_GROUP, "parks/#", 100, 300),
            RegistryView.of(List.of(meter)), meters, Clock.systemUTC()));
    }

    @AfterAll
    void stopPipeline() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private MqttClient enterprise1() throws Exception {
        String user = TestAccounts.username(TestAccounts.ENTERPRISE_1);
        MqttClient client = new MqttClient(broker().uri(), "e1-" + name, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(new String(TestAccounts.password(user)).getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        return client;
    }

    private static void publish(MqttClient client, String topic, String payload) throws Exception {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(topic, message);
    }

    private void publishAsEnterprise1(String payload) throws Exception {
        MqttClient client = enterprise1();
        publish(client, topic, payload);
        client.disconnect();
        client.close();
    }

    @Test
    void aReadingPublishedOverMqttLandsInInfluxDbWithItsTagsAndValue() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(5);
        publishAsEnterprise1("{\"metric\":\"active_power\",\"value\":412.5,\"unit\":\"kW\",\"ts\":" + at.toEpochMilli()
                + ",\"id\":\"it-1\"}");

        String influx = SharedServers.influxd().url();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(InfluxQl.rows(influx, database,
            "SELECT * FROM reading WHERE point = '" + pointId + "'")).singleElement().satisfies(row -> {
                assertThat(row).containsEntry("park", "testpark").containsEntry("enterprise", "e1")
                    .containsEntry("domain", "ENERGY").containsEntry("metric", "active_power")
                    .containsEntry("quality", "N").containsEntry("unit", "kW").containsEntry("message_id", "it-1");
                assertThat(Double.parseDouble((String) row.get("value"))).isEqualTo(412.5);
            }));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(InfluxQl.rows(influx, database,
            "SELECT * FROM agg_1m.aggregate WHERE point = '" + pointId + "' AND \"window\" = '1m'")).singleElement()
            .satisfies(row -> {
                assertThat(Double.parseDouble((String) row.get("mean"))).isEqualTo(412.5);
                assertThat(Long.parseLong((String) row.get("count"))).isEqualTo(1);
            }));
    }

    @Test
    void badInputIsInTheRejectedTopicWithItsReasonAndRawBytesAndTheSenderIsTold() throws Exception {
        String payload = "{\"metric\":\"active_power\",\"value\":\"NaN\",\"unit\":\"kW\",\"ts\":1}";
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        MqttClient sender = enterprise1();
        sender.subscribe(new MqttSubscription[] {new MqttSubscription("parks/testpark/enterprises/e1/feedback/#", 1)},
            new IMqttMessageListener[] {(feedbackTopic, message) ->
                answers.add(new String(message.getPayload(), StandardCharsets.UTF_8))});
        publish(sender, topic, payload);
        String answer = answers.poll(30, TimeUnit.SECONDS);
        sender.disconnect();
        sender.close();
        assertThat(answer).as("feedback to the sender").isNotNull()
            .contains("\"status\":\"rejected\"").contains("\"reason\":\"NON_FINITE_VALUE\"");

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "rejected-" + name);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, Rejection> consumer = new KafkaConsumer<>(props,
                Topics.REJECTED.keySerde().deserializer(), Topics.REJECTED.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.REJECTED.name()));
            List<Rejection> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                assertThat(seen).anySatisfy(rejection -> {
                    assertThat(rejection.reason()).isEqualTo(RejectReason.NON_FINITE_VALUE);
                    assertThat(rejection.source()).isEqualTo(topic);
                    assertThat(new String(rejection.raw(), StandardCharsets.UTF_8)).isEqualTo(payload);
                });
            });
        }
        assertThat(InfluxQl.rows(SharedServers.influxd().url(), database,
            "SELECT * FROM reading WHERE time < '1971-01-01T00:00:00Z'")).as("the refused reading never lands").isEmpty();
    }
}
