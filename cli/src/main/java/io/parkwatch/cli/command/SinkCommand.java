package io.parkwatch.cli.command;

import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.streams.sink.influx.RetentionSettings;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sink", mixinStandardHelpOptions = true, description = "Run the Kafka→InfluxDB sink.")
public final class SinkCommand implements Callable<Integer> {

    @Mixin
    KafkaOption kafka;

    @Mixin
    InfluxOptions influx;

    @Mixin
    MetricsOption metrics;

    @Option(names = RetentionSettings.RAW_KEY, defaultValue = "30d", paramLabel = "DURATION",
        description = "How long InfluxDB 1.x keeps raw points (policy raw, the default): 72h, 30d, 52w or INF. "
            + "Default: ${DEFAULT-VALUE}.")
    String retentionRaw;

    @Option(names = RetentionSettings.MINUTE_KEY, defaultValue = "90d", paramLabel = "DURATION",
        description = "How long 1-minute aggregates are kept (policy agg_1m). Default: ${DEFAULT-VALUE}.")
    String retentionMinute;

    @Option(names = RetentionSettings.HOUR_KEY, defaultValue = "INF", paramLabel = "DURATION",
        description = "How long 1-hour aggregates are kept (policy agg_1h). Default: ${DEFAULT-VALUE}.")
    String retentionHour;

    @Override
    public Integer call() throws Exception {
        RetentionSettings retention = new RetentionSettings(
            RetentionSettings.parse(RetentionSettings.RAW_KEY, retentionRaw),
            RetentionSettings.parse(RetentionSettings.MINUTE_KEY, retentionMinute),
            RetentionSettings.parse(RetentionSettings.HOUR_KEY, retentionHour));
        MetricsHttpServer endpoint = metrics.start(9303);
        SinkRuntime sink = SinkRuntime.start(kafka.bootstrapServers, influx.target(), retention, metrics.registry,
            Clock.systemUTC());
        System.out.println("parkwatch sink running: " + kafka.bootstrapServers + " → " + influx.target());
        UntilStopped.run(sink, endpoint);
        return 0;
    }
}
