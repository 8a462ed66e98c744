package io.parkwatch.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.overview.Overview;
import io.parkwatch.infra.tls.CertificateAuthority;
import io.parkwatch.infra.tls.IssuedCertificate;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.tls.TlsMaterial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * Request lines no {@code java.net.URI} parses, or no HTTP parser accepts, answered by the console
 * (plain and HTTPS) with a JSON 4xx: the JDK's own server answered HTML naming URISyntaxException.
 */
class MalformedRequestLineIT {

    /** What is wrong, the request line, the status it must get. */
    private record BadLine(String what, String line, int status) {
    }

    private static final List<BadLine> BAD_LINES = List.of(
        new BadLine("a lone %", "GET /api/v1/alerts?x=% HTTP/1.1", 400),
        new BadLine("an invalid escape", "GET /api/v1/alerts?x=%zz HTTP/1.1", 400),
        new BadLine("an invalid escape in the path", "GET /api/v1/%zz HTTP/1.1", 400),
        new BadLine("a space in the path", "GET /a b HTTP/1.1", 400),
        new BadLine("a control byte", "GET /api/v1/alerts?x=\u0001 HTTP/1.1", 400),
        new BadLine("a backslash", "GET /console\\app.js HTTP/1.1", 400),
        new BadLine("an encoded dot segment", "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1", 400),
        new BadLine("an empty segment", "GET //etc/passwd HTTP/1.1", 400),
        new BadLine("a 70 kB request line", "GET /api/v1/alerts?x=" + "a".repeat(70_000) + " HTTP/1.1", 414),
        new BadLine("40 kB of headers", "GET /api/v1/overview HTTP/1.1\r\nX-Big: " + "b".repeat(40_000), 431));

    @Test
    void everyMalformedRequestLineGetsAJson4xxWithoutExceptionText() throws Exception {
        try (ConsoleHttpServer server = console(null)) {
            for (BadLine bad : BAD_LINES) {
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    String answer = exchange(socket, bad.line());
                    assertJson4xx(bad.what(), answer);
                    assertThat(answer).as(bad.what()).startsWith("HTTP/1.1 " + bad.status() + " ");
                }
            }
        }
    }

    @Test
    void anUnparseableUriIsNamedInTheAnswer() throws Exception {
        try (ConsoleHttpServer server = console(null); Socket socket = new Socket("127.0.0.1", server.port())) {
            assertThat(exchange(socket, "GET /api/v1/alerts?x=%zz HTTP/1.1"))
                .endsWith("{\"error\":\"bad_request\",\"message\":\"the request URI is not valid\"}");
        }
    }

    @Test
    void aValidRequestStillGetsItsAnswerAfterTheRefusedOnes() throws Exception {
        try (ConsoleHttpServer server = console(null); Socket socket = new Socket("127.0.0.1", server.port())) {
            String answer = exchange(socket, "GET /api/v1/overview?since=%2F HTTP/1.1");

            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"window\"").doesNotContain("Server:");
        }
    }

    @Test
    void anUnparseableUriOverHttpsGetsAJson400() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(1), Clock.systemUTC());
        IssuedCertificate certificate = ca.issueServer("console", List.of("localhost"), List.of("127.0.0.1"));
        SSLContext tls = new TlsMaterial(List.of(), List.of(certificate.certificate()), certificate.key()).sslContext();
        try (ConsoleHttpServer server = console(tls);
             Socket socket = TlsMaterial.trusting(List.of(ca.certificate())).sslContext().getSocketFactory()
                 .createSocket("127.0.0.1", server.port())) {
            String answer = exchange(socket, "GET /api/v1/alerts?x=%zz HTTP/1.1");

            assertJson4xx("over HTTPS", answer);
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("the request URI is not valid");
        }
    }

    private static ConsoleHttpServer console(SSLContext tls) throws IOException {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ConsoleHttpServer server = new ConsoleHttpServer("127.0.0.1", 0,
            () -> new Overview("5m", 0, List.of(), Instant.parse("2026-11-23T08:00:00Z")), metrics,
            new Health(metrics), tls);
        server.start();
        return server;
    }

    private static void assertJson4xx(String what, String answer) {
        assertThat(answer).as(what).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertThat(head).as(what).contains("content-type: application/json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body).as(what).startsWith("{\"error\":\"").doesNotContain("Exception").doesNotContain("<h1>");
    }

    /** Sends the line and a Host header as raw bytes (no client would send them), reads the answer to its end. */
    private static String exchange(Socket socket, String requestLine) throws IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (answer.size() == 0) {
                throw e;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
