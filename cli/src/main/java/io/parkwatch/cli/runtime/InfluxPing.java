package io.parkwatch.cli.runtime;

import io.parkwatch.transport.health.HealthCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether InfluxDB answers {@code GET /ping} (1.x, 2.x and 3.x serve it without credentials),
 * remembered for a few seconds: probes and scrapes ask often. A sink with nothing to write would
 * otherwise not notice an outage until its next write.
 */
final class InfluxPing {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI ping;
    private final Clock clock;
    private HealthCheck.Verdict last;
    private Instant lastAt = Instant.MIN;

    InfluxPing(String url, Clock clock) {
        this.ping = URI.create((url.endsWith("/") ? url : url + "/") + "ping");
        this.clock = clock;
    }

    synchronized HealthCheck.Verdict current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(FRESH_FOR))) {
            last = ask();
            lastAt = now;
        }
        return last;
    }

    private HealthCheck.Verdict ask() {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(ping).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2 ? HealthCheck.Verdict.up(ping + " answers")
                : HealthCheck.Verdict.down(ping + " answered " + answer.statusCode());
        } catch (IOException e) {
            return HealthCheck.Verdict.down(ping + " unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.Verdict.down("interrupted");
        }
    }
}
