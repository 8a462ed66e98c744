package io.parkwatch.cli.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.http.HttpServers;
import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.health.HealthReport;
import java.util.function.Supplier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} in Prometheus text format, and the probes {@code GET /health/live} and
 * {@code GET /health/ready} (200 or 503, JSON), for a service running on its own.
 */
public final class MetricsHttpServer implements AutoCloseable {

    private final HttpServer server;

    private MetricsHttpServer(HttpServer server) {
        this.server = server;
    }

    public static MetricsHttpServer start(String host, int port, PrometheusMeterRegistry registry, Health health)
            throws IOException {
        LoopbackPorts.requireFree(host, port, "--metrics-port");
        // Jetty under the JDK's API: a request line it cannot parse gets a JSON 400, not the JDK's HTML.
        HttpServer server = HttpServers.create(new InetSocketAddress(host, port), null, 2, "metrics-http");
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                    registry.scrape().getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/health/live", probe(health::live));
        server.createContext("/health/ready", probe(health::ready));
        server.start();
        return new MetricsHttpServer(server);
    }

    private static HttpHandler probe(Supplier<HealthReport> probe) {
        return exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    send(exchange, 405, "application/json; charset=utf-8",
                        "{\"error\":\"method_not_allowed\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                HealthReport report = probe.get();
                send(exchange, report.httpStatus(), "application/json; charset=utf-8", report.toJson());
            }
        };
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
