package io.parkwatch.console.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.console.overview.Overview;
import io.parkwatch.infra.tls.CertificateAuthority;
import io.parkwatch.infra.tls.IssuedCertificate;
import io.parkwatch.transport.health.Health;
import io.parkwatch.transport.tls.TlsMaterial;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console over native HTTPS, with a certificate made here by a throw-away CA. */
class ConsoleHttpsIT {

    private final CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(1),
        Clock.systemUTC());
    private ConsoleHttpServer server;

    @BeforeEach
    void start() throws Exception {
        IssuedCertificate certificate = ca.issueServer("console", List.of("localhost"), List.of("127.0.0.1"));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server = new ConsoleHttpServer("127.0.0.1", 0,
            () -> new Overview("5m", 0, List.of(), Instant.parse("2026-11-23T08:00:00Z")), metrics,
            new Health(metrics), new TlsMaterial(List.of(), List.of(certificate.certificate()), certificate.key())
                .sslContext());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientTrustingTheCaGetsThePageAndTheProbesOverHttps() throws Exception {
        HttpClient client = HttpClient.newBuilder()
            .sslContext(TlsMaterial.trusting(List.of(ca.certificate())).sslContext()).build();

        HttpResponse<String> live = client.send(request("/health/live"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = client.send(request("/"), HttpResponse.BodyHandlers.ofString());

        assertThat(server.scheme()).isEqualTo("https");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/console/app.js");
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefused() {
        HttpClient defaults = HttpClient.newHttpClient();

        assertThatThrownBy(() -> defaults.send(request("/"), HttpResponse.BodyHandlers.ofString()))
            .isInstanceOf(SSLHandshakeException.class);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10)).build();
    }
}
