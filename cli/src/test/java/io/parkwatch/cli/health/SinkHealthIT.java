package io.parkwatch.cli.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.sink.SinkSettings;
import io.parkwatch.sink.influx.RetentionSettings;
import io.parkwatch.testkit.SharedServers;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.retry.Backoff;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink's ready probe follows InfluxDB: 200 while it answers, 503 while influxd is killed
 * (SIGKILL, as the sink's outage test does), 200 again once it is back on the same port; live
 * stays 200 throughout, since the sink waits out the outage rather than failing.
 */
class SinkHealthIT {

    @TempDir
    Path dir;

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Health health = new Health(meters);
    private final HttpClient http = HttpClient.newHttpClient();
    private InfluxdProcess influxd;
    private SinkRuntime sink;
    private MetricsHttpServer endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void readyIs503WhileInfluxdIsDownAndBackTo200WhenItReturns() throws Exception {
        Path data = dir.resolve("influxdb");
        influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, data));
        int port = influxd.port();
        String kafka = SharedServers.kafka().bootstrapServers();
        sink = SinkRuntime.start(new SinkSettings(kafka, "sink-health-" + UUID.randomUUID(), 1000,
                Duration.ofMillis(100), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2))),
            InfluxTarget.v1(influxd.url(), "sink_health_it"), RetentionSettings.defaults(), meters, Clock.systemUTC());
        sink.registerHealth(health);
        health.started();
        endpoint = MetricsHttpServer.start("127.0.0.1", 0, meters, health);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(get("/health/ready").statusCode()).as(get("/health/ready").body()).isEqualTo(200));

        influxd.processHandle().destroyForcibly();
        influxd.processHandle().onExit().get(10, TimeUnit.SECONDS);
        influxd.close();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("{\"name\":\"influxdb\",\"status\":\"DOWN\"")
                .contains("{\"name\":\"sink.lag\",\"status\":\"UP\"");
            assertThat(get("/metrics").body()).contains("parkwatch_health_check{check=\"influxdb\"} 0.0");
        });
        assertThat(get("/health/live").statusCode()).as("waiting out an outage is not being wedged").isEqualTo(200);

        influxd = InfluxdProcess.start(InfluxdConfig.loopback(port, data));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(get("/metrics").body()).contains("parkwatch_health_check{check=\"influxdb\"} 1.0");
        });
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
