package io.parkwatch.bench.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bridge's InfluxDB output: line-protocol bodies POSTed to influxd's v1 {@code /write}
 * (HTTP/1.1, as the sink's client), creating its database first as Telegraf's output does. A
 * failed write (no answer, 5xx) is retried with back-off, at most {@value #ATTEMPTS} times; a
 * body influxd refuses (4xx) is not. Points given up on are counted, never silently gone.
 */
final class BridgeWriter {

    private static final int ATTEMPTS = 8;
    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    private final String url;
    private final String database;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    BridgeWriter(String url, String database) {
        this.url = url;
        this.database = database;
    }

    String database() {
        return database;
    }

    void createDatabase() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/query?q="
                + encode("CREATE DATABASE \"" + database + "\""))).timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
            throw new IOException("influxd answered " + response.statusCode() + " to CREATE DATABASE " + database
                + ": " + response.body());
        }
    }

    /** Writes one batch; returns once influxd took it, refused it, or the attempts ran out. */
    void write(LineBatcher.Batch batch) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            String problem;
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/write?db="
                        + encode(database) + "&precision=ns"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(batch.body(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 204) {
                    written.addAndGet(batch.points());
                    return;
                }
                problem = "influxd answered " + response.statusCode() + ": " + response.body();
                if (response.statusCode() < 500) {
                    giveUp(batch, problem);
                    return;
                }
            } catch (IOException e) {
                problem = e.toString();
            }
            if (attempt == ATTEMPTS) {
                giveUp(batch, problem + " (" + ATTEMPTS + " attempts)");
                return;
            }
            Thread.sleep(backoff);
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    private void giveUp(LineBatcher.Batch batch, String why) {
        failed.addAndGet(batch.points());
        firstFailure.compareAndSet(null, why);
    }

    /** Points influxd took. */
    long written() {
        return written.get();
    }

    /** Points of bodies refused or given up on. */
    long failed() {
        return failed.get();
    }

    Optional<String> firstFailure() {
        return Optional.ofNullable(firstFailure.get());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
