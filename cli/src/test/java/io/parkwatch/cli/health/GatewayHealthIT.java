package io.parkwatch.cli.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.cli.runtime.GatewayRuntime;
import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.infra.mqtt.MqttAccount;
import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoBroker;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoConfig;
import io.parkwatch.infra.mqtt.mosquitto.MosquittoFiles;
import io.parkwatch.ingest.directory.RegistryView;
import io.parkwatch.ingest.mqtt.MqttSubscriptionSettings;
import io.parkwatch.ingest.mqtt.PahoIngestSubscriber;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.health.Health;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's ready probe on its metrics port follows its MQTT subscription: 200 while
 * subscribed; 503 once the broker is gone; still 503 after the broker is back but refuses the
 * subscription, while the gateway retries it (counted); 200 again once the broker grants it, with
 * no restart of the gateway — the broker's ACL is reloaded in place (SIGHUP), so only the retry
 * loop can have renewed the subscription.
 */
class GatewayHealthIT {

    private static final String GATEWAY = "gateway-health";

    private final char[] password = UUID.randomUUID().toString().toCharArray();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Health health = new Health(meters);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path dir = SharedServers.directory("gateway-health-mqtt");
    private MosquittoBroker broker;
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
        broker = MosquittoBroker.start(MosquittoConfig.defaults(dir, allowing()));
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

        broker = MosquittoBroker.start(MosquittoConfig.defaults(dir, refusing()).withPort(port));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(failures()).isGreaterThanOrEqualTo(2);
            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("{\"name\":\"mqtt.connection\",\"status\":\"UP\"")
                .contains("{\"name\":\"mqtt.subscription\",\"status\":\"DOWN\"").contains("retrying");
            assertThat(get("/metrics").body()).contains("parkwatch_health_check{check=\"mqtt.subscription\"} 0.0");
        });

        MosquittoFiles.writeAuthFiles(allowing(), dir.toAbsolutePath());
        Process reload = new ProcessBuilder("kill", "-HUP", Long.toString(broker.pid())).inheritIO().start();
        assertThat(reload.waitFor(10, TimeUnit.SECONDS) && reload.exitValue() == 0).as("SIGHUP sent").isTrue();
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

    private StaticAccessPolicy allowing() {
        return new StaticAccessPolicy(List.of(ParkAccounts.gateway(GATEWAY, password.clone())));
    }

    /** The gateway's login, without the right to subscribe to anything. */
    private StaticAccessPolicy refusing() {
        MqttAccount allowed = ParkAccounts.gateway(GATEWAY, password.clone());
        return new StaticAccessPolicy(List.of(MqttAccount.withPassword(GATEWAY, password.clone(),
            allowed.publishFilters(), List.of())));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
