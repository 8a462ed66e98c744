package io.parkwatch.cli.command;

import io.parkwatch.alerts.rule.Rule;
import io.parkwatch.alerts.rule.RulePack;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.cli.runtime.RulePackPublisher;
import io.parkwatch.contracts.rules.RulePackRecord;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.simulator.scenario.SampleGeofences;
import io.parkwatch.transport.kafka.KafkaConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Threshold rule packs: check a file, publish it to the compacted rules topic (the alerts
 * topology picks it up within seconds, no restart), withdraw it, or print the default or sample pack.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Check, load and withdraw threshold rule packs (YAML; format in docs/rules.md).")
public final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
        description = "Read a rule file and report its first mistake (line and field); exit code 2 if any.")
    int check(@Parameters(paramLabel = "FILE") Path file) {
        RulePack pack = RuleFileReader.read(file);
        System.out.println(file + ": pack " + pack.name() + ", " + pack.rules().size() + " rules");
        for (Rule rule : pack.rules()) {
            System.out.println("  " + rule.id() + (rule.profile() == null ? "" : " [" + rule.profile() + "]")
                + "  " + rule.description());
        }
        return 0;
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
        description = "Check a rule file and publish it as a pack; a pack named 'default' replaces the built-in one.")
    int load(@Mixin KafkaOption kafka, @Mixin TopicOptions topics, @Mixin ReplicationOption replication,
             @Parameters(paramLabel = "FILE") Path file,
             @Option(names = "--name", description = "Pack name. Default: the file's 'pack:' field, else its name.")
             String name) throws Exception {
        int partitions = topics.partitions();
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        RulePack pack = RuleFileReader.read(file.getFileName().toString(), yaml);
        String packName = name != null ? name : pack.name();
        publish(kafka, partitions, replication.replicationFactor(), packName, new RulePackRecord(packName, yaml, file.toString(), Instant.now()));
        System.out.println("published pack " + packName + " (" + pack.rules().size() + " rules) to "
            + Topics.RULES.name());
        return 0;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Withdraw a published pack (a built-in pack of that name applies again).")
    int remove(@Mixin KafkaOption kafka, @Mixin TopicOptions topics, @Mixin ReplicationOption replication,
               @Parameters(paramLabel = "NAME") String name) throws Exception {
        publish(kafka, topics.partitions(), replication.replicationFactor(), name, null);
        System.out.println("withdrew pack " + name + " from " + Topics.RULES.name());
        return 0;
    }

    @Command(name = "default", mixinStandardHelpOptions = true, description = "Print the built-in default pack.")
    int printDefault() {
        System.out.print(RuleFileReader.defaultPackYaml());
        return 0;
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Print the sample parks' geofence pack (key areas, no-parking zones, hazmat corridors); "
            + "the demo loads it at start.")
    int printSample() {
        System.out.print(SampleGeofences.forSampleParks());
        return 0;
    }

    private static void publish(KafkaOption kafka, int partitions, short replicationFactor, String name,
                                RulePackRecord record) throws Exception {
        KafkaConnection connection = kafka.connection();
        TopicProvisioner.ensure(connection, partitions, replicationFactor);
        RulePackPublisher.publish(connection, name, record);
    }
}
