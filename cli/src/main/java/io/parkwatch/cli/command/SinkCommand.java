package io.parkwatch.cli.command;

import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.cli.runtime.SinkRuntime;
import io.parkwatch.sink.influx.RetentionSettings;
import io.parkwatch.sink.SinkSettings;
import java.time.Clock;
import java.time.Duration;
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

    @Option(names = "--batch-points", defaultValue = "5000", paramLabel = "N",
        description = "Points per InfluxDB write at most (records per poll). Default: ${DEFAULT-VALUE}.")
    int batchPoints;

    @Option(names = "--linger-ms", defaultValue = "200", paramLabel = "MS",
        description = "How long a fetch may wait to fill a batch. Default: ${DEFAULT-VALUE}.")
    int lingerMs;

    @Override
    public Integer call() throws Exception {
        Checks.positive(batchPoints, "--batch-points");
        Checks.positive(lingerMs, "--linger-ms");
        SinkSettings defaults = SinkSettings.defaults(kafka.connection());
        SinkSettings settings = new SinkSettings(defaults.kafka(), defaults.groupId(), batchPoints,
            Duration.ofMillis(lingerMs), defaults.backoff());
        RetentionSettings retention = new RetentionSettings(
            RetentionSettings.parse(RetentionSettings.RAW_KEY, retentionRaw),
            RetentionSettings.parse(RetentionSettings.MINUTE_KEY, retentionMinute),
            RetentionSettings.parse(RetentionSettings.HOUR_KEY, retentionHour));
        MetricsHttpServer endpoint = metrics.start(9303);
        SinkRuntime sink = SinkRuntime.start(settings, influx.target(), retention, metrics.registry,
            Clock.systemUTC());
        sink.registerHealth(metrics.health);
        metrics.health.started();
        System.out.println("parkwatch sink running: " + kafka.bootstrapServers + " → " + influx.target());
        UntilStopped.run(sink, endpoint);
        return 0;
    }
}
