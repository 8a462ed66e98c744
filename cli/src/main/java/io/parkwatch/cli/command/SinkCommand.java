package io.parkwatch.cli.command;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.cli.runtime.SinkRuntime;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sink", mixinStandardHelpOptions = true, description = "Run the Kafka→InfluxDB sink.")
public final class SinkCommand implements Callable<Integer> {

    @Mixin
    KafkaOption kafka;

    @Mixin
    InfluxOptions influx;

    @Override
    public Integer call() throws Exception {
        SinkRuntime sink = SinkRuntime.start(kafka.bootstrapServers, influx.target(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC());
        System.out.println("parkwatch sink running: " + kafka.bootstrapServers + " → " + influx.target());
        UntilStopped.run(sink);
        return 0;
    }
}
