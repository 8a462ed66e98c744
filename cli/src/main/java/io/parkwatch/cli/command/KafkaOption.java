package io.parkwatch.cli.command;

import io.parkwatch.transport.kafka.KafkaClientProperties;
import io.parkwatch.transport.kafka.KafkaConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The Kafka cluster a service talks to, and how its clients connect (TLS, SASL …). */
public final class KafkaOption {

    static final String CONFIG_OPTION = "--kafka-config";
    static final String CONFIG_DESCRIPTION = "Kafka client properties file (TLS, SASL/SCRAM, time-outs …) passed to "
        + "every producer, consumer, admin client and Kafka Streams application of this command. It holds secrets: "
        + "readable by its owner only. Keys parkwatch's guarantees depend on are refused (docs/running.md).";

    @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT[,...]",
        description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = CONFIG_OPTION, paramLabel = "FILE", description = CONFIG_DESCRIPTION)
    Path config;

    /** Read and checked once, before anything connects: a bad file fails the command with one line. */
    KafkaConnection connection() throws IOException {
        return connection(bootstrapServers, config);
    }

    static KafkaConnection connection(String bootstrapServers, Path config) throws IOException {
        Map<String, String> properties = config == null ? Map.of() : KafkaClientProperties.load(config, CONFIG_OPTION);
        return new KafkaConnection(bootstrapServers, properties);
    }
}
