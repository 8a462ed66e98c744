package io.parkwatch.cli.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.infra.mqtt.MqttAccessPolicy;
import io.parkwatch.infra.mqtt.MqttGrant;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttBroker;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttConfig;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.ingest.mqtt.PahoIngestSubscriber;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.health.Health;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's ready probe on its metrics port follows its MQTT subscription, on the embedded
 * HiveMQ broker (the demo's): 200 while subscribed; 503 once the broker is gone; still 503 after
 * the broker is back but refuses the subscription, while the gateway retries it (counted); 200
 * again once the broker grants it on the same connection — the grant changes in place (HiveMQ's
 * authorizer reads the login's latest grant), so only the retry loop can have renewed the
 * subscription. (Mosquitto 2.0's ACL file is not checked at SUBSCRIBE, only at delivery, so it
 * never refuses one.)
 */
class GatewayHealthIT {

    private static final String GATEWAY = "gateway-health";

    private final char[] password = UUID.randomUUID().toString().toCharArray();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Health health = new Health(meters);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path dir = SharedServers.directory("gateway-health-mqtt");
    private final StaticAccessPolicy allowing = new StaticAccessPolicy(List.of(ParkAccounts.gateway(GATEWAY,
        password.clone())));
    private final AtomicBoolean maySubscribe = new AtomicBoolean(true);
    private final MqttAccessPolicy policy = this::authenticate;
    private EmbeddedMqttBroker broker;
    private GatewayRuntime gateway;
    private MetricsHttpServer endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void readyIs503WhileTheSubscriptionIsLostOrRefusedAndBackTo200OnceTheRetryIsGranted() throws Exception {
        broker = EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(dir.resolve("first"), policy));
        int port = broker.port();
        gateway = GatewayRuntime.start(SharedServers.kafka().bootstrapServers(), new MqttSubscriptionSettings(
                broker.uri(), GATEWAY, password, "gateway-health-" + UUID.randomUUID(), ParkAccounts.GATEWAY_GROUP,
                "parks/#", 100, 0),
            RegistryView.of(List.of()), meters, Clock.systemUTC());
        gateway.registerHealth(health);
        health.started();
        endpoint = MetricsHttpServer.start("127.0.0.1", 0, meters, health);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        broker.close();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("{\"name\":\"mqtt.connection\",\"status\":\"DOWN\"")
                .contains("{\"name\":\"mqtt.subscription\",\"status\":\"DOWN\"");
        });

        maySubscribe.set(false);
        broker = EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(dir.resolve("second"), policy).withPort(port));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(failures()).isGreaterThanOrEqualTo(2);
            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("{\"name\":\"mqtt.connection\",\"status\":\"UP\"")
                .contains("{\"name\":\"mqtt.subscription\",\"status\":\"DOWN\"").contains("retrying");
            assertThat(get("/metrics").body()).contains("parkwatch_health_check{check=\"mqtt.subscription\"} 0.0");
        });

        maySubscribe.set(true);
        loginOnce(broker.uri());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(get("/metrics").body()).contains("parkwatch_health_check{check=\"mqtt.subscription\"} 1.0");
        });
        System.out.printf("gateway health IT: %d refused subscriptions retried before the grant%n", failures());
    }

    private long failures() {
        return (long) meters.find(PahoIngestSubscriber.SUBSCRIBE_FAILURES).counters().stream()
            .mapToDouble(c -> c.count()).sum();
    }

    /** The gateway's login; while {@link #maySubscribe} is off, without the right to subscribe. */
    private Optional<MqttGrant> authenticate(String username, byte[] secret) {
        return allowing.authenticate(username, secret).map(grant -> maySubscribe.get() ? grant
            : new MqttGrant(grant.username(), grant.publishFilters(), List.of()));
    }

    /** Another connection of the gateway's login: the broker takes the login's grant as it is now. */
    private void loginOnce(String uri) throws Exception {
        MqttClient client = new MqttClient(uri, "gateway-health-login-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(GATEWAY);
        options.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        client.disconnect();
        client.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
