package io.parkwatch.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.transport.health.Health;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A service's metrics and probes port refuses what it cannot parse with JSON, as the console's does. */
class MetricsHttpServerIT {

    @Test
    void anUnparseableUriAndAnUnknownPathGetJsonWhileTheMetricsAreServed() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("parkwatch.test.counter").increment();
        try (MetricsHttpServer server = MetricsHttpServer.start("127.0.0.1", 0, registry, new Health(registry))) {
            String unparseable = exchange(server.port(), "GET /metrics?x=%zz HTTP/1.1");
            String unknown = exchange(server.port(), "GET /nope HTTP/1.1");
            String metrics = exchange(server.port(), "GET /metrics HTTP/1.1");

            assertThat(unparseable).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-type: application/json")
                .endsWith("{\"error\":\"bad_request\",\"message\":\"the request URI is not valid\"}");
            assertThat(unknown).startsWith("HTTP/1.1 404 ").containsIgnoringCase("content-type: application/json")
                .contains("\"error\":\"not_found\"");
            assertThat(metrics).startsWith("HTTP/1.1 200 ").contains("parkwatch_test_counter_total 1.0");
        }
    }

    private static String exchange(int port, String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
