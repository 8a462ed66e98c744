package io.parkwatch.cli.command;

import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.cli.runtime.MetricsHttpServer;
import io.parkwatch.cli.runtime.StreamsRuntime;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.streams.coverage.CoverageConfig;
import io.parkwatch.streams.coverage.CoverageProperties;
import io.parkwatch.transport.kafka.KafkaConnection;
import io.parkwatch.transport.streams.StreamsSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "streams", mixinStandardHelpOptions = true,
    description = "Run the Kafka Streams processors: windows, threshold alerts, and coverage with data gaps and completeness.")
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    KafkaOption kafka;

    @Mixin
    MetricsOption metrics;

    @Mixin
    TopicOptions topics;

    @Option(names = "--state-dir", defaultValue = "var/streams-state",
        description = "Local state of this instance. Default: ${DEFAULT-VALUE}.")
    Path stateDir;

    @Option(names = "--threads", defaultValue = "1",
        description = "Stream threads of each of the two applications. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Mixin
    ReplicationOption replication;

    @Option(names = "--standby-replicas", defaultValue = "0",
        description = "Warm copies of each task's state kept by other instances, for a faster take-over when one "
            + "dies; at most the instances minus one are useful. Default: ${DEFAULT-VALUE}.")
    int standbyReplicas;

    @Option(names = "--rule-profile", split = ",", defaultValue = "ultra-low",
        description = "Emission rule profiles to apply (ultra-low, gb13223). Default: ${DEFAULT-VALUE}.")
    List<String> ruleProfiles;

    @Option(names = "--coverage-config",
        description = "Properties file of coverage.* and completeness.* keys (docs/coverage.md). Default: built-in.")
    Path coverageConfig;

    @Override
    public Integer call() throws Exception {
        int partitions = topics.partitions();
        Checks.positive(threads, "--threads");
        Checks.notNegative(standbyReplicas, "--standby-replicas");
        short replicationFactor = replication.replicationFactor();
        KafkaConnection connection = kafka.connection();
        Set<String> known = RuleFileReader.defaultPack().profiles();
        for (String profile : ruleProfiles) {
            if (!known.contains(profile)) {
                throw new IllegalArgumentException("--rule-profile: unknown profile '" + profile + "'; the default "
                    + "rule pack knows " + known);
            }
        }
        CoverageConfig coverage = coverageConfig();
        TopicProvisioner.ensure(connection, partitions, replicationFactor);
        MetricsHttpServer endpoint = metrics.start(9302);
        StreamsRuntime app = StreamsRuntime.start(new StreamsSettings("parkwatch-streams", connection,
            stateDir, threads, replicationFactor, StreamsSettings.DEFAULT_COMMIT_INTERVAL, standbyReplicas), coverage,
            Set.copyOf(ruleProfiles),
            metrics.registry);
        app.registerHealth(metrics.health, Clock.systemUTC());
        metrics.health.started();
        System.out.println("parkwatch streams running on " + kafka.bootstrapServers);
        UntilStopped.run(app, endpoint);
        return 0;
    }

    /** Read and checked before anything starts: a bad key fails the command with its name. */
    private CoverageConfig coverageConfig() throws IOException {
        if (coverageConfig == null) {
            return CoverageConfig.defaults();
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(coverageConfig, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        return CoverageProperties.load(props);
    }
}
