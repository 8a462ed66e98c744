package io.parkwatch.bench.stages;

import com.influxdb.client.domain.WritePrecision;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.sink.InfluxSink;
import io.parkwatch.sink.PointMapping;
import io.parkwatch.sink.SinkSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The sink's baseline: the same points as line protocol, POSTed to {@code /write} with a client
 * set up like the sink's (HTTP/1.1, no h2c upgrade attempt) and the same content type.
 */
final class RawInfluxWriter {

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    private final String url;

    RawInfluxWriter(String url) {
        this.url = url;
    }

    /** Line-protocol bodies of {@code batch} readings each, in the given order, mapped as the sink maps them. */
    static List<String> bodies(List<Reading> readings, int batch) {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < readings.size(); from += batch) {
            bodies.add(body(readings.subList(from, Math.min(readings.size(), from + batch))));
        }
        return bodies;
    }

    /**
     * The sink's batches as line-protocol bodies: the readings topic read from {@code from} to
     * {@code to} with the sink's own consumer settings, one body per poll (so the same points in
     * the same order and grouping as the sink writes them). Records of a transaction not yet
     * committed are read too: the raw writer gets its bodies before the sink may see them.
     */
    static List<String> bodies(SinkSettings settings, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, Object> config = new HashMap<>(InfluxSink.consumerConfig(settings));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        Deserializer<Reading> values = Topics.READINGS.valueSerde().deserializer();
        List<String> bodies = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!to.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the readings up to " + to + " in 2 minutes");
                }
                List<Reading> polled = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        polled.add(values.deserialize(record.topic(), record.value()));
                    }
                }
                if (!polled.isEmpty()) {
                    bodies.add(body(polled));
                }
            }
        }
        return bodies;
    }

    /** The end offsets of the readings topic's partitions, records of open transactions included. */
    static Map<TopicPartition, Long> ends(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.READINGS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return Map.copyOf(consumer.endOffsets(partitions));
        }
    }

    /** One body: each reading's line as the sink maps and writes it. */
    private static String body(List<Reading> readings) {
        StringBuilder body = new StringBuilder();
        for (Reading reading : readings) {
            if (!body.isEmpty()) {
                body.append('\n');
            }
            body.append(PointMapping.reading(reading).toLineProtocol(null, WritePrecision.NS));
        }
        return body.toString();
    }

    void write(String database, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/write?db="
                + encode(database) + "&precision=ns"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IOException("influxd answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Runs an InfluxQL statement; returns the JSON answer. */
    String query(String database, String statement) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/query?db="
                + encode(database) + "&q=" + encode(statement)))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
            throw new IOException("influxd answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** {@code count(value)} of the reading measurement, from an InfluxQL answer. */
    long countReadings(String database) throws IOException, InterruptedException {
        return count(query(database, "SELECT count(\"value\") FROM \"reading\""));
    }

    /** {@code count(value)} of the reading measurement from {@code from} to {@code to} (both included). */
    long countReadings(String database, Instant from, Instant to) throws IOException, InterruptedException {
        return count(query(database, "SELECT count(\"value\") FROM \"reading\" WHERE time >= '" + from
            + "' AND time <= '" + to + "'"));
    }

    private static long count(String answer) {
        int values = answer.indexOf("\"values\":[[");
        if (values < 0) {
            return 0;
        }
        String row = answer.substring(values + 11, answer.indexOf(']', values));
        return Long.parseLong(row.substring(row.indexOf(',') + 1).trim());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
