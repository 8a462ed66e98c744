package io.parkwatch.sink.influx;

import io.parkwatch.sink.PointWriteException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** POSTs to the v1 API of one endpoint and turns every non-2xx answer into a classified failure. */
final class InfluxV1Http {

    private final InfluxV1Endpoint endpoint;
    private final HttpClient http;
    private final InfluxWriteFailures failures;

    InfluxV1Http(InfluxV1Endpoint endpoint, HttpClient http, InfluxWriteFailures failures) {
        this.endpoint = endpoint;
        this.http = http;
        this.failures = failures;
    }

    /** HTTP/1.1 only: influxd 1.x does not speak h2c, so the upgrade attempt would be wasted. */
    static HttpClient defaultClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /** POSTs {@code body} to {@code path?params}; returns the body of a 2xx answer. */
    String post(String path, Map<String, String> params, String contentType, String body)
        throws PointWriteException {
        return post(path, params, contentType, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** POSTs {@code body} to {@code path?params}; returns the body of a 2xx answer. */
    String post(String path, Map<String, String> params, String contentType, HttpRequest.BodyPublisher body)
        throws PointWriteException {
        URI uri = URI.create(endpoint.url() + path + (params.isEmpty() ? "" : "?" + query(params)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .timeout(endpoint.timeout())
            .header("Content-Type", contentType)
            .POST(body);
        endpoint.credentials().ifPresent(c -> request.header("Authorization", c.authorizationHeader()));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failures.fromIo(e, endpoint.url() + path);
        } catch (InterruptedException e) {
            throw failures.interrupted(e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        String message = ServerMessage.of(response.headers().firstValue("X-Influxdb-Error"), response.body());
        throw failures.fromResponse(status, message,
            InfluxWriteFailures.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }

    static String query(Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&");
        params.forEach((name, value) -> joined.add(name + "=" + encode(value)));
        return joined.toString();
    }

    // URLEncoder writes spaces as '+', which Go's query parser reads back as spaces; %20 is unambiguous.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
