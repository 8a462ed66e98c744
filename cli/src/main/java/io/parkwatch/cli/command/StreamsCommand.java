package io.parkwatch.cli.command;

import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.cli.runtime.StreamsRuntime;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.streams.app.StreamsSettings;
import io.parkwatch.streams.threshold.RuleFileReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "streams", mixinStandardHelpOptions = true,
    description = "Run the Kafka Streams processors (windows, threshold alerts; coverage as it lands).")
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    KafkaOption kafka;

    @Mixin
    MetricsOption metrics;

    @Option(names = "--state-dir", defaultValue = "var/streams-state",
        description = "Local state of this instance. Default: ${DEFAULT-VALUE}.")
    Path stateDir;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--replication-factor", defaultValue = "1",
        description = "Of internal topics; 3 on a production cluster. Default: ${DEFAULT-VALUE}.")
    int replicationFactor;

    @Option(names = "--rule-profile", split = ",", defaultValue = "ultra-low",
        description = "Emission rule profiles to apply (ultra-low, gb13223). Default: ${DEFAULT-VALUE}.")
    List<String> ruleProfiles;

    @Override
    public Integer call() throws Exception {
        Checks.positive(threads, "--threads");
        Checks.positive(replicationFactor, "--replication-factor");
        Set<String> known = RuleFileReader.defaultPack().profiles();
        for (String profile : ruleProfiles) {
            if (!known.contains(profile)) {
                throw new IllegalArgumentException("--rule-profile: unknown profile '" + profile + "'; the default "
                    + "rule pack knows " + known);
            }
        }
        TopicProvisioner.ensure(kafka.bootstrapServers, 3, (short) replicationFactor);
        MetricsHttpServer endpoint = metrics.start(9302);
        AutoCloseable app = StreamsRuntime.start(new StreamsSettings("parkwatch-streams", kafka.bootstrapServers,
            stateDir, threads, replicationFactor, Duration.ofMillis(200)), metrics.registry, Set.copyOf(ruleProfiles));
        System.out.println("parkwatch streams running on " + kafka.bootstrapServers);
        UntilStopped.run(app, endpoint);
        return 0;
    }
}
