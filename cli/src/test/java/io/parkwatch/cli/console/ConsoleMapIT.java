package io.parkwatch.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.cli.runtime.ConsoleRuntime;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.RulePackPublisher;
import io.parkwatch.contracts.registry.EnterpriseEntry;
import io.parkwatch.contracts.registry.Location;
import io.parkwatch.contracts.registry.Module;
import io.parkwatch.contracts.registry.ParkEntry;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.registry.RegistryKeys;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.rules.RulePackRecord;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.simulator.registry.ParkSites;
import io.parkwatch.simulator.scenario.SampleGeofences;
import io.parkwatch.testkit.SharedServers;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's map and parks as the runtime wires them: the registry and the sample geofence
 * pack (read by the alerts topology's parser) from a real Kafka broker, vehicle fixes from a real
 * influxd, through {@link ConsoleRuntime}.
 */
class ConsoleMapIT {

    private static final String PARK = "map-it";
    private static final String DB = "console_map_it";
    private static final String OPERATOR = "operator-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private ConsoleRuntime alerts;

    @AfterEach
    void stop() throws Exception {
        if (alerts != null) {
            alerts.close();
        }
        // Leave the shared registry and rules topics as the other tests expect them: without this test's entries.
        String kafka = SharedServers.kafka().bootstrapServers();
        publish(kafka, List.of(), List.of(RegistryKeys.park(PARK), RegistryKeys.enterprise(PARK, "map-it-c01"),
            RegistryKeys.point(PointKey.text(PARK, "vehicles", "map-it-hz"))));
        RulePackPublisher.publish(kafka, "map-it-geofences", null);
    }

    @Test
    void theMapDrawsTheSampleGeofencesTheLocatedEnterprisesAndTheVehiclesTracks() throws Exception {
        String kafka = SharedServers.kafka().bootstrapServers();
        TopicProvisioner.ensure(kafka, 3, (short) 1);
        Location site = ParkSites.enterpriseSite(PARK, 0, 1);
        publish(kafka, List.of(RegistryRecord.of(new ParkEntry(PARK, "地图测试园区")),
            RegistryRecord.of(new EnterpriseEntry(PARK, "map-it-c01", "XX化工", Set.of()).at(site)),
            RegistryRecord.of(new PointEntry(PARK, PointEntry.FLEET, "map-it-hz", Module.LOGISTICS, "hazmat-vehicle",
                Duration.ofSeconds(10), null, "013977700001"))), List.of());
        RulePackPublisher.publish(kafka, "map-it-geofences", new RulePackRecord("map-it-geofences",
            SampleGeofences.yaml(List.of(PARK)), "ConsoleMapIT", Instant.now()));
        String influx = SharedServers.influxd().url();
        writeFixes(influx);
        Path tokens = dir.resolve("api-tokens.properties");
        Files.writeString(tokens, "ops=operator:" + OPERATOR + "\n");
        alerts = ConsoleRuntime.start("127.0.0.1", 0, InfluxTarget.v1(influx, DB),
            ConsoleRuntime.BoardSettings.of(kafka), ApiTokens.load(tokens), ParkZones.DEFAULT,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC());

        JsonNode map = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
            .until(() -> get("/api/v1/map?park=" + PARK), m -> m.path("areas").size() >= 3
                && has(m.path("enterprises"), "id", "map-it-c01"));
        assertThat(kinds(map, "key-area-" + PARK)).isEqualTo("key-area");
        assertThat(kinds(map, "no-parking-" + PARK)).isEqualTo("no-parking");
        assertThat(kinds(map, "hazmat-corridor-" + PARK)).isEqualTo("corridor");
        JsonNode polygon = find(map.path("areas"), "id", "key-area-" + PARK).path("polygon");
        assertThat(polygon).hasSize(4);
        double[] centre = ParkSites.centreOf(PARK);
        assertThat(polygon.get(0).get(0).asDouble()).as("longitude first").isCloseTo(centre[1], within(0.02));
        assertThat(polygon.get(0).get(1).asDouble()).isCloseTo(centre[0], within(0.02));
        JsonNode enterprise = find(map.path("enterprises"), "id", "map-it-c01");
        assertThat(enterprise.path("lat").asDouble()).isEqualTo(site.lat());
        assertThat(enterprise.path("alerting").asBoolean()).isFalse();
        JsonNode vehicle = find(map.path("vehicles"), "vehicle", "map-it-hz");
        assertThat(vehicle.path("pointKey").asText()).isEqualTo(PARK + "/vehicles/map-it-hz");
        assertThat(vehicle.path("track")).hasSize(3);
        assertThat(vehicle.path("lat").asDouble()).isEqualTo(39.468);
        JsonNode park = find(get("/api/v1/parks").path("parks"), "id", PARK);
        assertThat(park.path("centre").isNull()).isFalse();
    }

    private static String kinds(JsonNode map, String id) {
        return find(map.path("areas"), "id", id).path("kind").asText();
    }

    /** Publishes {@code records} and tombstones {@code removed} keys on the registry topic. */
    private static void publish(String kafka, List<RegistryRecord> records, List<String> removed) throws Exception {
        try (KafkaProducer<String, RegistryRecord> producer = new KafkaProducer<>(
            DurableProducerSettings.of(kafka, "console-map-it"), Topics.REGISTRY.keySerde().serializer(),
            Topics.REGISTRY.valueSerde().serializer())) {
            for (RegistryRecord record : records) {
                producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), record.key(), record))
                    .get(30, TimeUnit.SECONDS);
            }
            for (String key : removed) {
                producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), key, null)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void writeFixes(String url) throws Exception {
        query(url, "CREATE DATABASE \"" + DB + "\"");
        long now = Instant.now().getEpochSecond();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add("position,domain=LOGISTICS,enterprise=vehicles,metric=position,park=" + PARK
                + ",point=map-it-hz,quality=N lat=" + (39.466 + i * 0.001) + ",lon=106.94,speed=30,heading=0,"
                + "message_id=\"f" + i + "\" " + (now - 120 + i * 10L));
        }
        HttpResponse<String> written = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/write?precision=s&db=" + DB))
            .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
    }

    private static void query(String url, String statement) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/query"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + alerts.port() + pathAndQuery)).header("Authorization", "Bearer " + OPERATOR).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static boolean has(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
