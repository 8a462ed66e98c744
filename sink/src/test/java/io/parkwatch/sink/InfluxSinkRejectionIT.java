package io.parkwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.transport.kafka.KafkaRejectionPublisher;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.transport.retry.Backoff;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.sink.influx.InfluxDatabaseAdmin;
import io.parkwatch.sink.influx.InfluxV1Endpoint;
import io.parkwatch.sink.influx.RetentionRoutingPointWriter;
import io.parkwatch.sink.influx.RetentionSettings;
import io.parkwatch.testkit.SharedServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A point InfluxDB refuses (a field type conflict in its shard) is isolated: it goes to the
 * rejected topic with the server's message and its line protocol, its neighbours are stored, and
 * the sink's meters show the work.
 */
class InfluxSinkRejectionIT {

    private static final String DB = "sink_rejection_it";

    @Test
    void aRefusedPointGoesToTheRejectedTopicWithTheServersMessageAndTheRestIsStored() throws Exception {
        String park = "refuse-" + UUID.randomUUID().toString().substring(0, 8);
        String url = SharedServers.influxd().url();
        InfluxV1Endpoint endpoint = InfluxV1Endpoint.of(url, DB);
        new InfluxDatabaseAdmin(endpoint).ensure(RetentionSettings.defaults().policies());
        Instant conflictDay = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        Instant goodDay = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plusSeconds(3600);
        // In the shard of conflictDay, "value" of reading is already a string: a float there is refused.
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/write?db=" + DB + "&precision=s"))
            .POST(HttpRequest.BodyPublishers.ofString("reading,park=" + park + ",point=x value=\"text\" "
                + conflictDay.getEpochSecond())).build(), HttpResponse.BodyHandlers.discarding());

        String kafka = SharedServers.kafka().bootstrapServers();
        try (KafkaProducer<String, Reading> producer = new KafkaProducer<>(DurableProducerSettings.of(kafka,
                "refuse-load-" + park), Topics.READINGS.keySerde().serializer(),
                Topics.READINGS.valueSerde().serializer())) {
            for (int i = 0; i < 10; i++) {
                Instant at = i == 4 ? conflictDay.plusSeconds(60) : goodDay.plusSeconds(i);
                Reading reading = Reading.builder().messageId(park + "-m" + i).park(park).enterprise("e001")
                    .point("stack-01").domain(Domain.EMISSIONS).metric("a21026-Rtd").value(20.0 + i).unit("mg/m3")
                    .observedAt(at).receivedAt(Instant.now()).quality(Quality.N).sourceFormat(SourceFormat.JSON)
                    .build();
                producer.send(new ProducerRecord<>(Topics.READINGS.name(), PointKey.text(park, "e001", "stack-01"),
                    reading)).get();
            }
        }

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (KafkaRejectionPublisher rejections = KafkaRejectionPublisher.create(kafka, "refuse-rejected-" + park,
                Topics.REJECTED);
             InfluxSink sink = new InfluxSink(new SinkSettings(kafka, "refuse-it-" + park, 5000, Duration.ofMillis(100),
                 new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2))), RetentionRoutingPointWriter.v1(endpoint),
                 rejections, meters, Clock.systemUTC());
             KafkaConsumer<String, Rejection> rejected = new KafkaConsumer<>(Map.of(
                 ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                 ConsumerConfig.GROUP_ID_CONFIG, "refuse-check-" + park,
                 ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                 Topics.REJECTED.keySerde().deserializer(), Topics.REJECTED.valueSerde().deserializer())) {
            sink.start();
            rejected.subscribe(List.of(Topics.REJECTED.name()));
            List<Rejection> ours = new ArrayList<>();
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                rejected.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (new String(record.value().raw(), StandardCharsets.UTF_8).contains(park)) {
                        ours.add(record.value());
                    }
                });
                return !ours.isEmpty();
            });
            Rejection refusal = ours.get(0);
            assertThat(refusal.reason()).isEqualTo(RejectReason.SINK_REFUSED);
            assertThat(refusal.detail()).contains("field type conflict");
            assertThat(new String(refusal.raw(), StandardCharsets.UTF_8)).startsWith("reading,")
                .contains("message_id=\"" + park + "-m4\"");
            InfluxCounts counts = new InfluxCounts(url, DB);
            await().atMost(Duration.ofMinutes(1)).until(() -> counts.readings(park) == 9);
            assertThat(counts.distinctMessageIds(park)).isEqualTo(9);
            assertThat(meters.counter("parkwatch.sink.points.rejected").count()).isEqualTo(1);
            assertThat(meters.find("parkwatch.sink.batch.latency").timer().count()).isPositive();
            assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").meters()).isNotEmpty();
        }
    }
}
