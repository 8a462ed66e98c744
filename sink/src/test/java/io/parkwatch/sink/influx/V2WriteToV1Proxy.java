package io.parkwatch.sink.influx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves {@code POST /api/v2/write?bucket=B&org=O&precision=P} by forwarding the body to
 * influxd 1.x's {@code /write?db=B&precision=P} and answering with its status, error header and
 * body, so the real influxdb-client-java HTTP path can be tested against the only server here.
 */
final class V2WriteToV1Proxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String influxUrl;

    V2WriteToV1Proxy(String influxUrl) throws IOException {
        this.influxUrl = influxUrl;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !"/api/v2/write".equals(exchange.getRequestURI().getPath())) {
            respond(exchange, 404, "404 page not found", null);
            return;
        }
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        // The v2 API says "us"; the v1 API wants "u".
        String precision = query.getOrDefault("precision", "ns").replace("us", "u");
        URI target = URI.create(influxUrl + "/write?" + InfluxV1Http.query(Map.of("db", query.getOrDefault("bucket", ""),
            "precision", precision)));
        HttpRequest forward = HttpRequest.newBuilder(target)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        try {
            HttpResponse<String> answer = http.send(forward, HttpResponse.BodyHandlers.ofString());
            respond(exchange, answer.statusCode(), answer.body(), answer.headers().firstValue("X-Influxdb-Error").orElse(null));
        } catch (IOException e) {
            respond(exchange, 502, "{\"message\":\"proxy: " + e.getClass().getSimpleName() + "\"}", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, "{\"message\":\"proxy interrupted\"}", null);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body, String influxError) throws IOException {
        if (influxError != null) {
            exchange.getResponseHeaders().add("X-Influxdb-Error", influxError);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean empty = status == 204 || bytes.length == 0;
        exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
