package io.parkwatch.console.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.endpoint.JsonResponses;
import io.parkwatch.console.overview.PipelineOverview;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.health.HealthReport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-room service's HTTP port: the console's static page, the JSON API and the
 * Prometheus metrics. Binds where it is told; the demo binds loopback.
 */
public final class ConsoleHttpServer implements AutoCloseable {

    /** Threads kept for long-lived responses (server-sent events): handlers serving them must cap their count. */
    public static final int STREAM_THREADS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHttpServer.class);
    private static final Map<String, String> ASSETS = Map.of(
        "/", "console/index.html",
        "/index.html", "console/index.html");
    /** The console's scripts and styles: {@code /console/NAME.js|css}, a flat name (no traversal). */
    private static final Pattern CONSOLE_FILE = Pattern.compile("/console/[a-z0-9-]+\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "svg", "image/svg+xml");

    private final HttpServer server;
    private final boolean https;
    /** Path prefix to handler; a request goes to its longest matching prefix, as the JDK's server chose. */
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

    /** With a health of its own, in which nothing is registered: its ready probe answers 503 "starting". */
    public ConsoleHttpServer(String host, int port, PipelineOverview overview, PrometheusMeterRegistry metrics)
            throws IOException {
        this(host, port, overview, metrics, new Health(metrics));
    }

    /**
     * Serves {@code health}'s probes: {@code /health/live}, {@code /health/ready}, and
     * {@code /api/v1/health}, the same as ready (kept for the console's older clients).
     */
    public ConsoleHttpServer(String host, int port, PipelineOverview overview, PrometheusMeterRegistry metrics,
                             Health health) throws IOException {
        this(host, port, overview, metrics, health, null);
    }

    /**
     * The same over HTTPS with {@code tls} (its server certificate and key); plain HTTP when null.
     * Native HTTPS needs no proxy in front: one process fewer, and no plain hop inside the host.
     */
    public ConsoleHttpServer(String host, int port, PipelineOverview overview, PrometheusMeterRegistry metrics,
                             Health health, SSLContext tls) throws IOException {
        // Requests, plus a thread held by each live event stream (their number is capped by their handler).
        this.server = HttpServers.create(new InetSocketAddress(host, port), tls, 4 + STREAM_THREADS, "console-http");
        this.https = tls != null;
        routes.put("/health/live", guarded(exchange -> report(exchange, health.live())));
        routes.put("/health/ready", guarded(exchange -> report(exchange, health.ready())));
        routes.put("/api/v1/health", guarded(exchange -> report(exchange, health.ready())));
        routes.put("/api/v1/overview", guarded(exchange ->
            JsonResponses.send(exchange, 200, overview.current())));
        routes.put("/metrics", guarded(exchange -> JsonResponses.sendBytes(exchange, 200,
            "text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(StandardCharsets.UTF_8))));
        routes.put("/", guarded(this::asset));
        // One Jetty context: Jetty would fold "/api/v1/alerts/" into "/api/v1/alerts" and lose the ack route.
        server.createContext("/", this::route);
    }

    /** Serves another path (GET only, failures answered as JSON); call before {@link #start()}. */
    public void serve(String path, HttpHandler handler) {
        routes.put(path, guarded(handler));
    }

    /** Serves another path for one method only (failures answered as JSON); call before {@link #start()}. */
    public void serve(String path, String method, HttpHandler handler) {
        routes.put(path, guarded(method, handler));
    }

    public void start() {
        server.start();
        LOG.info("console listening on {}://{}:{}/", scheme(), server.getAddress().getHostString(), port());
    }

    /** {@code https} or {@code http}. */
    public String scheme() {
        return https ? "https" : "http";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String best = "/";
        for (String prefix : routes.keySet()) {
            if (path != null && path.startsWith(prefix) && prefix.length() > best.length()) {
                best = prefix;
            }
        }
        routes.get(best).handle(exchange);
    }

    private static void report(HttpExchange exchange, HealthReport report) throws IOException {
        JsonResponses.sendBytes(exchange, report.httpStatus(), "application/json; charset=utf-8", report.toJson());
    }

    private void asset(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String resource = CONSOLE_FILE.matcher(path).matches() ? path.substring(1) : ASSETS.get(path);
        if (resource == null) {
            JsonResponses.error(exchange, 404, "not_found", "no such path: " + exchange.getRequestURI().getPath());
            return;
        }
        try (InputStream in = ConsoleHttpServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null && !ASSETS.containsValue(resource)) {
                JsonResponses.error(exchange, 404, "not_found", "no such path: " + path);
                return;
            }
            if (in == null) {
                throw new IOException("missing console resource " + resource);
            }
            JsonResponses.sendBytes(exchange, 200, TYPES.get(resource.substring(resource.lastIndexOf('.') + 1)),
                in.readAllBytes());
        }
    }

    /** Only GET is served; any failure answers 500 with a JSON body instead of a dropped connection. */
    private static HttpHandler guarded(HttpHandler handler) {
        return guarded("GET", handler);
    }

    private static HttpHandler guarded(String method, HttpHandler handler) {
        return exchange -> {
            try {
                if (!method.equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", method);
                    JsonResponses.error(exchange, 405, "method_not_allowed", "only " + method + " is served here");
                    return;
                }
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                try {
                    // The cause goes to the log, not to the caller: an exception's text may show internals.
                    JsonResponses.error(exchange, 500, "internal_error", "the server failed to answer; see its log");
                } catch (IOException | RuntimeException ignored) {
                    // Headers were already sent; closing the exchange below ends the response.
                }
            } finally {
                exchange.close();
            }
        };
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
