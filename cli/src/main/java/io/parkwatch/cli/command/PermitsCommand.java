package io.parkwatch.cli.command;

import io.parkwatch.alerts.permit.PermitRules;
import io.parkwatch.alerts.rulefile.RuleFileReader;
import io.parkwatch.cli.registry.KafkaRegistryLoader;
import io.parkwatch.cli.runtime.PermitPublisher;
import io.parkwatch.contracts.factor.FactorCatalog;
import io.parkwatch.contracts.permit.Permit;
import io.parkwatch.contracts.permit.PermitRecord;
import io.parkwatch.contracts.permit.file.InvalidPermitException;
import io.parkwatch.contracts.permit.file.PermitFileReader;
import io.parkwatch.contracts.registry.ParkZones;
import io.parkwatch.contracts.registry.Registry;
import io.parkwatch.contracts.registry.file.RegistryFileReader;
import io.parkwatch.contracts.rules.RulePackRecord;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.simulator.permit.SamplePermits;
import io.parkwatch.simulator.registry.SampleRegistry;
import io.parkwatch.transport.kafka.KafkaConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Emission permits: check permit files (against a registry), publish them (each permit on the
 * permits topic and its compiled rule pack on the rules topic, in one transaction), withdraw
 * them, or write the sample permits. A file with any problem is refused whole, every problem listed.
 */
@Command(name = "permits", mixinStandardHelpOptions = true,
    description = "Check, load and withdraw enterprises' emission permits (YAML; format in docs/permits.md).")
public final class PermitsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate permit files and print the rules they compile to; exit code 2 listing every problem.")
    int check(@Parameters(paramLabel = "FILE", arity = "1..*") List<Path> files,
              @Option(names = "--registry", paramLabel = "FILE",
                  description = "Check outlets against this registry file.") Path registryFile,
              @Option(names = "--sample-registry", description = "Check outlets against the sample registry.")
              boolean sampleRegistry,
              @Option(names = "--seed", defaultValue = "2025", description = "Sample registry seed. Default: "
                  + "${DEFAULT-VALUE}.") long seed,
              @Option(names = "--kafka", paramLabel = "HOST:PORT[,...]",
                  description = "Check outlets against the registry topic of this cluster.") String kafka)
        throws IOException {
        Registry registry = registry(registryFile, sampleRegistry, seed, kafka);
        Map<Path, Permit> permits = read(texts(files), registry);
        permits.forEach((file, permit) -> describe(file.toString(), permit, registry));
        if (registry == null) {
            System.out.println("outlets not checked against a registry (give --registry FILE, --sample-registry or "
                + "--kafka)");
        }
        return 0;
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
        description = "Check permit files against the registry topic, then publish each permit and its rule pack.")
    int load(@Mixin KafkaOption kafka, @Mixin TopicOptions topics, @Mixin ReplicationOption replication,
             @Parameters(paramLabel = "FILE", arity = "0..*") List<Path> files,
             @Option(names = "--sample", description = "Load the sample permits (docs/permits.md).") boolean sample)
        throws IOException {
        Map<Path, String> texts = new LinkedHashMap<>();
        if (sample) {
            SamplePermits.all().forEach((name, text) -> texts.put(Path.of(name), text));
        }
        texts.putAll(texts(files == null ? List.of() : files));
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("permits load: name permit files or give --sample");
        }
        KafkaConnection connection = kafka.connection();
        TopicProvisioner.ensure(connection, topics.partitions(), replication.replicationFactor());
        Registry registry = new KafkaRegistryLoader(connection).published();
        Map<Path, Permit> permits = read(texts, registry);
        List<PermitPublisher.Entry> entries = new ArrayList<>();
        Instant now = Instant.now();
        for (Map.Entry<Path, Permit> entry : permits.entrySet()) {
            Permit permit = entry.getValue();
            String source = entry.getKey().toString();
            String pack = PermitRules.packName(permit);
            entries.add(new PermitPublisher.Entry(permit.key(), new PermitRecord(permit.park(), permit.enterprise(),
                permit.number(), texts.get(entry.getKey()), source, now), pack,
                new RulePackRecord(pack, PermitRules.packYaml(permit, zoneOf(registry, permit.park())), source, now)));
        }
        PermitPublisher.publish(connection, entries);
        permits.forEach((file, permit) -> System.out.println("published permit " + permit.number() + " of "
            + permit.key() + " to " + Topics.PERMITS.name() + " and its pack " + PermitRules.packName(permit) + " to "
            + Topics.RULES.name()));
        return 0;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Withdraw enterprises' permits and their rule packs (the park-wide limits apply again).")
    int remove(@Mixin KafkaOption kafka, @Mixin TopicOptions topics, @Mixin ReplicationOption replication,
               @Parameters(paramLabel = "PARK/ENTERPRISE", arity = "1..*") List<String> keys) throws IOException {
        List<PermitPublisher.Entry> entries = new ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split("/", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("permits remove: '" + key + "' is not PARK/ENTERPRISE");
            }
            entries.add(new PermitPublisher.Entry(Permit.keyOf(parts[0], parts[1]), null,
                PermitRules.packName(parts[0], parts[1]), null));
        }
        KafkaConnection connection = kafka.connection();
        TopicProvisioner.ensure(connection, topics.partitions(), replication.replicationFactor());
        PermitPublisher.publish(connection, entries);
        keys.forEach(key -> System.out.println("withdrew the permit of " + key));
        return 0;
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write the sample permits (plants of the sample registry, default seed) into a directory.")
    int sample(@Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write them.")
               Path out) throws IOException {
        Files.createDirectories(out);
        for (Map.Entry<String, String> file : SamplePermits.all().entrySet()) {
            Files.writeString(out.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            System.out.println(out.resolve(file.getKey()));
        }
        return 0;
    }

    private static Registry registry(Path file, boolean sample, long seed, String kafka) throws IOException {
        int given = (file == null ? 0 : 1) + (sample ? 1 : 0) + (kafka == null ? 0 : 1);
        if (given > 1) {
            throw new IllegalArgumentException("permits check: give at most one of --registry, --sample-registry, "
                + "--kafka");
        }
        if (file != null) {
            return RegistryFileReader.read(file);
        }
        if (sample) {
            return SampleRegistry.generate(seed);
        }
        return kafka == null ? null : new KafkaRegistryLoader(kafka).published();
    }

    private static Map<Path, String> texts(List<Path> files) throws IOException {
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path file : files) {
            texts.put(file, Files.readString(file, StandardCharsets.UTF_8));
        }
        return texts;
    }

    /** Every file read; if any is invalid, none is accepted and every problem of every file is listed. */
    static Map<Path, Permit> read(Map<Path, String> texts, Registry registry) {
        Map<Path, Permit> permits = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Path> byEnterprise = new LinkedHashMap<>();
        for (Map.Entry<Path, String> text : texts.entrySet()) {
            String name = text.getKey().getFileName().toString();
            try {
                Permit permit = PermitFileReader.read(name, text.getValue(), FactorCatalog.hj212(), registry);
                Path earlier = byEnterprise.putIfAbsent(permit.key(), text.getKey());
                if (earlier != null) {
                    problems.add(name + ":1: enterprise: " + permit.key() + " already has a permit in " + earlier);
                }
                permits.put(text.getKey(), permit);
            } catch (InvalidPermitException e) {
                problems.addAll(e.errors());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("refused whole (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
        }
        return permits;
    }

    private static ZoneId zoneOf(Registry registry, String park) {
        return registry.parks().stream().filter(p -> p.id().equals(park)).findFirst().map(ParkZones::of)
            .orElse(ParkZones.DEFAULT);
    }

    private static void describe(String file, Permit permit, Registry registry) {
        ZoneId zone = registry == null ? ParkZones.DEFAULT : zoneOf(registry, permit.park());
        System.out.println(file + ": permit " + permit.number() + " of " + permit.key() + ", "
            + permit.outlets().size() + " outlet(s), " + permit.annualTotals().size() + " annual total(s); pack "
            + PermitRules.packName(permit));
        RuleFileReader.read(file, PermitRules.packYaml(permit, zone)).rules()
            .forEach(rule -> System.out.println("  " + rule.id() + "  " + rule.description()));
    }
}
