package io.parkwatch.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.access.ApiTokens;
import io.parkwatch.console.coverage.InfluxQlCoverageHistory;
import io.parkwatch.console.emissions.InfluxQlEmissionHistory;
import io.parkwatch.console.emissions.UltraLowEmissionLimits;
import io.parkwatch.console.http.ConsoleHttpServer;
import io.parkwatch.console.http.BureauApi;
import io.parkwatch.console.influxql.ChunkedInfluxQl;
import io.parkwatch.console.overview.Overview;
import io.parkwatch.cli.runtime.InfluxTarget;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.streams.StreamsApp;
import io.parkwatch.transport.streams.StreamsSettings;
import io.parkwatch.sink.SinkSettings;
import io.parkwatch.sink.influx.RetentionSettings;
import io.parkwatch.streams.windows.WindowSpec;
import io.parkwatch.streams.windows.WindowsTopology;
import io.parkwatch.testkit.SharedServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bureau API on data written through the pipeline: readings on the readings topic, the
 * windowed aggregates of the streams application, the InfluxDB sink into a real influxd, and the
 * API's JSON and CSV compared with the values sent. Nothing is written to InfluxDB by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BureauApiPipelineIT {

    private static final String TOKEN = "bureau-token-pipeline-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** SO₂ of one hour: four normal readings and one flagged. */
    private static final double[] VALUES = {10, 20, 30, 40, 50};
    private static final Quality[] QUALITIES = {Quality.N, Quality.N, Quality.N, Quality.N, Quality.D};

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String park = "pp" + run;
    private final String database = "bureau_pipeline_" + run;
    private final List<AutoCloseable> running = new ArrayList<>();
    private Instant hour;
    private ConsoleHttpServer api;

    @BeforeAll
    void startPipelineAndSendOneHour() throws Exception {
        String kafka = SharedServers.kafka().bootstrapServers();
        String influx = SharedServers.influxd().url();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        running.add(SinkRuntime.start(new SinkSettings(kafka, "bureau-pipeline-sink-" + run, 5000,
                Duration.ofMillis(100), SinkSettings.defaults(kafka).backoff()), InfluxTarget.v1(influx, database),
            RetentionSettings.defaults(), meters, Clock.systemUTC()));
        StreamsApp windows = new StreamsApp(WindowsTopology.build(List.of(WindowSpec.ONE_HOUR)),
            new StreamsSettings("bureau-pipeline-" + run, kafka, SharedServers.directory("bureau-pipeline"), 1, 1,
                Duration.ofMillis(100)), meters);
        running.add(windows);
        windows.start(Duration.ofSeconds(120));

        Path tokens = SharedServers.directory("bureau-pipeline-tokens").resolve("api-tokens.properties");
        Files.writeString(tokens, "bureau=bureau:" + TOKEN + "\n");
        api = new ConsoleHttpServer("127.0.0.1", 0, () -> new Overview("5m", 0, List.of(), Instant.EPOCH),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        running.add(api);
        ChunkedInfluxQl chunked = ChunkedInfluxQl.of(influx, database, Optional.empty(), null);
        InfluxDBClient client = InfluxDBClientFactory.createV1(influx, null, null, database, null);
        running.add(client);
        BureauApi.register(api, ApiTokens.load(tokens), new InfluxQlEmissionHistory(chunked,
            new UltraLowEmissionLimits()), new InfluxQlCoverageHistory(chunked, client.getInfluxQLQueryApi(), database),
            ParkZones.fixed(ParkZones.DEFAULT), Clock.systemUTC());
        api.start();

        // The current hour, or the previous one in its first minutes (still within the window's grace).
        Instant now = Instant.now();
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        hour = Duration.between(current, now).compareTo(Duration.ofMinutes(2)) < 0 ? current.minus(Duration.ofHours(1))
            : current;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
                Topics.READINGS.keySerde().serializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int i = 0; i < VALUES.length; i++) {
                Instant at = hour.plusSeconds(10L * (i + 1));
                Reading reading = Reading.builder().messageId("bp-" + run + "-" + i).park(park).enterprise("e1")
                    .point("stack-1").domain(Domain.EMISSIONS).metric("a21026-Rtd").value(VALUES[i]).unit("mg/m3")
                    .observedAt(at).receivedAt(now).quality(QUALITIES[i]).sourceFormat(SourceFormat.HJ212).build();
                producer.send(new ProducerRecord<>(Topics.READINGS.name(), null, at.toEpochMilli(),
                    reading.pointKey(), Topics.READINGS.valueSerde().serializer().serialize(Topics.READINGS.name(),
                        reading))).get();
            }
        }
    }

    @AfterAll
    void stopPipeline() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private String range(String interval, String format) {
        return "/api/v1/emissions?park=" + park + "&pollutant=so2&from=" + hour + "&to=" + hour.plus(Duration.ofHours(1))
            + "&interval=" + interval + "&format=" + format;
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
            .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The hour's row once the aggregate has taken in all five readings. */
    private JsonNode hourRow() {
        JsonNode[] row = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode body = JSON.readTree(get(range("1h", "json")).body());
            assertThat(body.path("rows")).hasSize(1);
            assertThat(body.path("rows").path(0).path("count").asLong()).isEqualTo(VALUES.length);
            row[0] = body.path("rows").path(0);
        });
        return row[0];
    }

    @Test
    void theHourlyJsonRowIsTheMeanMinMaxAndCountOfTheReadingsSent() {
        JsonNode row = hourRow();
        assertThat(row.path("time").asText()).isEqualTo(hour.toString());
        assertThat(row.path("park").asText()).isEqualTo(park);
        assertThat(row.path("enterprise").asText()).isEqualTo("e1");
        assertThat(row.path("point").asText()).isEqualTo("stack-1");
        assertThat(row.path("pollutant").asText()).isEqualTo("a21026");
        assertThat(row.path("metric").asText()).isEqualTo("a21026-Rtd");
        assertThat(row.path("mean").asDouble()).isEqualTo(30.0);
        assertThat(row.path("min").asDouble()).isEqualTo(10.0);
        assertThat(row.path("max").asDouble()).isEqualTo(50.0);
        assertThat(row.path("count").asLong()).isEqualTo(5);
        assertThat(row.path("good_count").asLong()).isEqualTo(4);
        assertThat(row.path("good_share").asDouble()).isEqualTo(0.8);
        assertThat(row.path("limit").asDouble()).isEqualTo(35.0);
        assertThat(row.path("exceeded").asBoolean()).isFalse();
    }

    @Test
    void theHourlyCsvLineCarriesTheSameFigures() throws Exception {
        hourRow();
        HttpResponse<String> csv = get(range("1h", "csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1])
            .isEqualTo(hour + "," + park + ",e1,stack-1,a21026,a21026-Rtd,30,10,50,5,4,0.8,35,false,measured"
                // Columns added since go at the end; the ones before keep their places.
                + ",mg/m3,二氧化硫,Sulfur dioxide,true,,ultra-low");
    }

    @Test
    void rawRowsAreTheReadingsSentWithTheirQuality() throws Exception {
        hourRow();
        JsonNode rows = JSON.readTree(get(range("raw", "json")).body()).path("rows");
        assertThat(rows).hasSize(VALUES.length);
        for (int i = 0; i < VALUES.length; i++) {
            assertThat(rows.path(i).path("time").asText()).isEqualTo(hour.plusSeconds(10L * (i + 1)).toString());
            assertThat(rows.path(i).path("mean").asDouble()).isEqualTo(VALUES[i]);
            assertThat(rows.path(i).path("good_share").asDouble()).isEqualTo(QUALITIES[i] == Quality.N ? 1.0 : 0.0);
        }
    }
}
