package io.parkwatch.cli.command;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.transport.health.Health;
import java.io.IOException;
import picocli.CommandLine.Option;

/** Where a service on its own serves {@code /metrics} and its health probes. */
public final class MetricsOption {

    @Option(names = "--metrics-host", defaultValue = "127.0.0.1",
        description = "Address of the /metrics endpoint. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--metrics-port", description = "Port of the /metrics endpoint; -1 turns it off.")
    Integer port;

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The service's checks, served on {@code /health/live} and {@code /health/ready}, gauges in the registry. */
    final Health health = new Health(registry);

    /** Starts the endpoint on the flag's port, or on {@code defaultPort}; null when turned off. */
    MetricsHttpServer start(int defaultPort) throws IOException {
        int chosen = port == null ? defaultPort : port;
        if (chosen < 0) {
            return null;
        }
        Checks.port(chosen, "--metrics-port");
        MetricsHttpServer server = MetricsHttpServer.start(host, chosen, registry, health);
        System.out.println("metrics on http://" + host + ":" + server.port() + "/metrics, health on /health/live and "
            + "/health/ready");
        return server;
    }
}
