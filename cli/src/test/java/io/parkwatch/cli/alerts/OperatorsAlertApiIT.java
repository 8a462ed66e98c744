package io.parkwatch.cli.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.cli.runtime.ConsoleRuntime;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.StreamsRuntime;
import io.parkwatch.contracts.alert.AlertEvent;
import io.parkwatch.contracts.alert.AlertEventType;
import io.parkwatch.contracts.json.JsonSerde;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.transport.streams.StreamsSettings;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.testkit.TestAccounts;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operators' side end to end on real servers: a gas reading over MQTT goes through the
 * gateway and the alerts topology to {@code parkwatch.alerts.v1}, shows in the console's
 * list and live stream, is acknowledged through the API (a command the topology answers), and a
 * restart of the streams side does not raise it again.
 */
class OperatorsAlertApiIT {

    private static final String OPERATOR = "operator-token-0123456789";

    @TempDir
    Path dir;

    private final String point = "gas-" + UUID.randomUUID().toString().substring(0, 8);
    private final String pointKey = TestAccounts.PARK + "/" + TestAccounts.ENTERPRISE_1 + "/" + point;
    private final String kafka = SharedServers.kafka().bootstrapServers();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> running = new ArrayList<>();
    private StreamsRuntime streams;
    private ConsoleRuntime alerts;

    @AfterEach
    void stop() throws Exception {
        if (streams != null) {
            streams.close();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private StreamsRuntime startStreams() throws InterruptedException {
        return StreamsRuntime.start(new StreamsSettings("opsapi-" + point, kafka,
            SharedServers.directory("opsapi-streams"), 1, 1, Duration.ofMillis(100)), new SimpleMeterRegistry());
    }

    private void startPipeline() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PointEntry detector = new PointEntry(TestAccounts.PARK, TestAccounts.ENTERPRISE_1, point, Module.SAFETY,
            "gas-detector", Duration.ofMinutes(1), null, null);
        streams = startStreams();
        running.add(GatewayRuntime.start(kafka, new MqttSubscriptionSettings(SharedServers.mqtt().uri(),
                TestAccounts.GATEWAY, TestAccounts.password(TestAccounts.GATEWAY), "gateway-" + point,
                ParkAccounts.GATEWAY_GROUP, "parks/#", 100, 300),
            RegistryView.of(List.of(detector)), meters, Clock.systemUTC()));
        Path tokens = dir.resolve("api-tokens.properties");
        Files.writeString(tokens, "ops-it=operator:" + OPERATOR + "\n");
        alerts = ConsoleRuntime.start("127.0.0.1", 0, InfluxTarget.v1(SharedServers.influxd().url(), "opsapi_it"),
            ConsoleRuntime.BoardSettings.of(kafka), ApiTokens.load(tokens), ParkZones.DEFAULT,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC());
        running.add(alerts);
    }

    private void publishLel(double lel, Instant at) throws Exception {
        String user = TestAccounts.username(TestAccounts.ENTERPRISE_1);
        MqttClient client = new MqttClient(SharedServers.mqtt().uri(), "e1-" + point, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(new String(TestAccounts.password(user)).getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        MqttMessage message = new MqttMessage(("{\"metric\":\"lel\",\"value\":" + lel + ",\"unit\":\"%LEL\",\"ts\":"
            + at.toEpochMilli() + ",\"id\":\"" + point + "-" + at.toEpochMilli() + "\"}").getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("parks/" + TestAccounts.PARK + "/enterprises/" + TestAccounts.ENTERPRISE_1 + "/points/" + point,
            message);
        client.disconnect();
        client.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alerts.port() + path))
            .header("Authorization", "Bearer " + OPERATOR);
    }

    /** This point's alert on the board, or null. */
    private JsonNode listed() throws Exception {
        HttpResponse<String> response = http.send(request("/api/v1/alerts?enterprise=" + TestAccounts.ENTERPRISE_1)
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode alert : JsonSerde.MAPPER.readTree(response.body()).get("alerts")) {
            if (alert.get("pointKey").asText().equals(pointKey)) {
                return alert;
            }
        }
        return null;
    }

    /** Collects the stream's data lines on a daemon thread. */
    private BlockingQueue<String> openStream() throws Exception {
        HttpResponse<InputStream> response = http.send(request("/api/v1/alerts/stream").build(),
            HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data: ")) {
                        data.add(line.substring("data: ".length()));
                    }
                }
            } catch (java.io.IOException e) {
                // The server closed the stream at the end of the test.
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return data;
    }

    @Test
    void aGasReadingOverMqttIsListedStreamedAcknowledgedAndNotRaisedAgainAfterARestart() throws Exception {
        startPipeline();
        BlockingQueue<String> stream = openStream();
        Instant at = Instant.now().minusSeconds(5);
        publishLel(30, at);

        await().atMost(Duration.ofMinutes(2)).until(() -> listed() != null);
        JsonNode alert = listed();
        assertThat(alert.get("state").asText()).isEqualTo("open");
        assertThat(alert.get("ruleId").asText()).isEqualTo("combustible-gas");
        assertThat(alert.get("severity").asText()).isEqualTo("WARNING");
        assertThat(alert.get("metric").asText()).isEqualTo("lel");
        assertThat(alert.get("value").asDouble()).as("value / limit").isEqualTo(30.0);
        assertThat(alert.get("limit").asDouble()).isEqualTo(25.0);
        String alertId = alert.get("alertId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.stream()
            .anyMatch(data -> data.contains("\"alertId\":\"" + alertId + "\"")));

        HttpResponse<String> ack = http.send(request("/api/v1/alerts/" + URLEncoder.encode(alertId,
                StandardCharsets.UTF_8) + "/ack").POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"crew sent\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            JsonNode now = listed();
            assertThat(now.get("state").asText()).isEqualTo("acknowledged");
            assertThat(now.get("acknowledgedBy").asText()).isEqualTo("ops-it");
            assertThat(now.get("note").asText()).isEqualTo("crew sent");
        });

        streams.close();
        streams = startStreams();
        publishLel(60, at.plusSeconds(2));
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
            assertThat(listed().get("severity").asText()).isEqualTo("CRITICAL"));
        assertThat(listed().get("alertId").asText()).isEqualTo(alertId);
        assertThat(listed().get("state").asText()).as("an escalation needs a new acknowledgement").isEqualTo("open");
        assertThat(raisedEvents()).extracting(AlertEvent::alertId).containsExactly(alertId);
    }

    /** Every committed RAISED of this point in the alerts topic. */
    private List<AlertEvent> raisedEvents() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "opsapi-reader-" + point);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<AlertEvent> raised = new ArrayList<>();
        try (KafkaConsumer<String, AlertEvent> consumer = new KafkaConsumer<>(props,
            Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            int emptyPolls = 0;
            while (emptyPolls < 6) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, AlertEvent> record : records) {
                    AlertEvent event = record.value();
                    if (event != null && event.pointKey().equals(pointKey) && event.type() == AlertEventType.RAISED
                        && !event.ruleId().equals("data-gap")) {
                        raised.add(event);
                    }
                }
            }
        }
        return raised;
    }
}
