package io.parkwatch.console.influxql;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs InfluxQL with {@code chunked=true} over the v1 {@code /query} API and hands rows over one
 * chunk at a time, so a year of hourly rows never sits in memory: at most one chunk does.
 */
public final class ChunkedInfluxQl {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_BODY_LIMIT = 4096;

    private final String baseUrl;
    private final String database;
    private final Optional<String> authorization;
    private final HttpClient client;
    private final int chunkSize;

    public ChunkedInfluxQl(String baseUrl, String database, Optional<String> username, char[] password,
                           HttpClient client, int chunkSize) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.database = database;
        this.authorization = username.map(user -> "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + (password == null ? "" : new String(password))).getBytes(StandardCharsets.UTF_8)));
        this.client = client;
        this.chunkSize = chunkSize;
    }

    public static ChunkedInfluxQl of(String baseUrl, String database, Optional<String> username, char[] password) {
        return new ChunkedInfluxQl(baseUrl, database, username, password, HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(), 5000);
    }

    /** Runs one statement, passing each row to {@code rows} as its chunk arrives. */
    public void query(String statement, SeriesRowConsumer rows) throws InfluxQueryException, IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/query?db=" + encode(database)
                + "&chunked=true&chunk_size=" + chunkSize + "&q=" + encode(statement)))
            .timeout(Duration.ofSeconds(30)).GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new InfluxQueryException("InfluxDB at " + baseUrl + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfluxQueryException("interrupted while querying InfluxDB", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String said = new String(body.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8).strip();
                throw new InfluxQueryException("InfluxDB answered HTTP " + response.statusCode() + ": " + said, null);
            }
            readChunks(body, rows);
        }
    }

    private static void readChunks(InputStream body, SeriesRowConsumer rows) throws InfluxQueryException, IOException {
        JsonParser parser = JSON.getFactory().createParser(body);
        try (MappingIterator<JsonNode> chunks = JSON.readerFor(JsonNode.class).readValues(parser)) {
            while (chunks.hasNextValue()) {
                JsonNode chunk = chunks.nextValue();
                failOnError(chunk);
                for (JsonNode result : chunk.path("results")) {
                    failOnError(result);
                    for (JsonNode series : result.path("series")) {
                        emit(series, rows);
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InfluxQueryException("unreadable answer from InfluxDB: " + e.getOriginalMessage(), e);
        }
    }

    private static void failOnError(JsonNode node) throws InfluxQueryException {
        if (node.hasNonNull("error")) {
            throw new InfluxQueryException("InfluxDB refused the query: " + node.get("error").asText(), null);
        }
    }

    private static void emit(JsonNode series, SeriesRowConsumer rows) throws IOException {
        Map<String, String> tags = new LinkedHashMap<>();
        series.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        List<String> columns = new ArrayList<>();
        series.path("columns").forEach(column -> columns.add(column.asText()));
        Map<String, String> fixedTags = Collections.unmodifiableMap(tags);
        List<String> fixedColumns = List.copyOf(columns);
        String measurement = series.path("name").asText();
        for (JsonNode values : series.path("values")) {
            rows.accept(new SeriesRow(measurement, fixedTags, fixedColumns, values));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
