package io.parkwatch.cli.command;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.cli.runtime.AlertsRuntime;
import io.parkwatch.infra.net.LoopbackPorts;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = "Run the control-room service: console, API and metrics on one HTTP port.")
public final class AlertsCommand implements Callable<Integer> {

    @Mixin
    InfluxOptions influx;

    @Option(names = "--http-host", defaultValue = "127.0.0.1",
        description = "Address to bind; 0.0.0.0 to serve the network. Default: ${DEFAULT-VALUE}.")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port. Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Override
    public Integer call() throws Exception {
        Checks.port(httpPort, "--http-port");
        LoopbackPorts.requireFree(httpHost, httpPort, "--http-port");
        AlertsRuntime alerts = AlertsRuntime.start(httpHost, httpPort, influx.target(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC());
        System.out.println("parkwatch alerts service on http://" + httpHost + ":" + alerts.port() + "/");
        UntilStopped.run(alerts);
        return 0;
    }
}
