package io.parkwatch.cli.command;

import io.parkwatch.cli.runtime.MetricsHttpServer;
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

    @Mixin
    MetricsOption metrics;

    @Override
    public Integer call() throws Exception {
        MetricsHttpServer endpoint = metrics.start(9303);
        SinkRuntime sink = SinkRuntime.start(kafka.bootstrapServers, influx.target(), metrics.registry,
            Clock.systemUTC());
        System.out.println("parkwatch sink running: " + kafka.bootstrapServers + " → " + influx.target());
        UntilStopped.run(sink, endpoint);
        return 0;
    }
}
