package io.parkwatch.cli.command;

import io.parkwatch.cli.registry.KafkaRegistryLoader;
import io.parkwatch.cli.registry.LoadSummary;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.registry.file.InvalidRegistryException;
import io.parkwatch.contracts.registry.file.RegistryFileReader;
import io.parkwatch.contracts.registry.file.RegistryFileWriter;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.transport.kafka.KafkaConnection;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parkwatch registry check|load|sample}: the registry file and the registry topic. */
@Command(name = "registry", mixinStandardHelpOptions = true,
    description = "Check a registry file, load it into Kafka, or write the sample registry.",
    subcommands = {RegistryCommand.Check.class, RegistryCommand.Load.class, RegistryCommand.Sample.class})
public final class RegistryCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /**
     * Every login the registry names that the credentials file lacks. Only the usernames are
     * read: the registry names logins, it never holds a secret.
     */
    static void requireLogins(Path registryFile, Registry registry, Path credentials) throws IOException {
        if (credentials == null) {
            return;
        }
        Properties logins = new Properties();
        try (Reader in = Files.newBufferedReader(credentials, StandardCharsets.UTF_8)) {
            logins.load(in);
        }
        List<String> missing = new ArrayList<>();
        registry.parks().stream().filter(p -> !logins.containsKey(p.fleetCredentials()))
            .forEach(p -> missing.add(registryFile.getFileName() + ": park '" + p.id() + "': fleet login '"
                + p.fleetCredentials() + "' is not in " + credentials.getFileName()));
        registry.enterprises().stream().filter(e -> !logins.containsKey(e.credentials()))
            .forEach(e -> missing.add(registryFile.getFileName() + ": enterprise '" + e.park() + "/" + e.id()
                + "': login '" + e.credentials() + "' is not in " + credentials.getFileName()));
        if (!missing.isEmpty()) {
            throw new InvalidRegistryException(registryFile.getFileName().toString(), missing);
        }
    }

    static String counts(Registry registry) {
        return registry.parks().size() + " parks, " + registry.enterprises().size() + " enterprises, "
            + (registry.points().size() - registry.vehicles().size()) + " points, " + registry.vehicles().size()
            + " vehicles";
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate a registry file; every error names file, line and field. Exit 2 when invalid.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The registry YAML file.")
        Path file;

        @Option(names = "--credentials", paramLabel = "FILE",
            description = "Also check that every login the registry names is in this logins file.")
        Path credentials;

        @Override
        public Integer call() throws Exception {
            Registry registry = RegistryFileReader.read(file);
            requireLogins(file, registry, credentials);
            System.out.println(file + ": valid, " + counts(registry));
            return 0;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
        description = "Validate a registry file, then make the compacted registry topic hold exactly it: "
            + "new and changed entities are published, removed ones tombstoned. Nothing is published when "
            + "the file is invalid (exit 2).")
    static final class Load implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The registry YAML file.")
        Path file;

        @Option(names = "--kafka", defaultValue = "127.0.0.1:9092", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers. Default: ${DEFAULT-VALUE} (the demo's).")
        String kafka;

        @Option(names = KafkaOption.CONFIG_OPTION, paramLabel = "FILE", description = KafkaOption.CONFIG_DESCRIPTION)
        Path kafkaConfig;

        @Mixin
        ReplicationOption replication;

        @Mixin
        TopicOptions topics;

        @Option(names = "--credentials", paramLabel = "FILE",
            description = "Also check that every login the registry names is in this logins file.")
        Path credentials;

        @Override
        public Integer call() throws Exception {
            int partitions = topics.partitions();
            short replicationFactor = replication.replicationFactor();
            KafkaConnection connection = KafkaOption.connection(kafka, kafkaConfig);
            Registry registry = RegistryFileReader.read(file);
            requireLogins(file, registry, credentials);
            TopicProvisioner.ensure(connection, partitions, replicationFactor);
            LoadSummary summary = new KafkaRegistryLoader(connection).load(registry);
            System.out.println(file + " (" + counts(registry) + ") → " + kafka + ": " + summary);
            return 0;
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write the sample registry of the demo parks (Xilinhot, three Ordos chemical parks, "
            + "Huolingol), generated from a seed: the same seed gives the same file.")
    static final class Sample implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write it. Default: standard output.")
        Path out;

        @Option(names = "--seed", defaultValue = "2025", description = "Generation seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() throws Exception {
            Registry registry = SampleRegistry.generate(seed);
            if (out == null) {
                Writer stdout = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                RegistryFileWriter.write(registry, stdout);
                stdout.flush();
            } else {
                RegistryFileWriter.write(registry, out);
                System.err.println(out + ": " + counts(registry));
            }
            return 0;
        }
    }
}
