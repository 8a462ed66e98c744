package io.parkwatch.cli.command;

import picocli.CommandLine.Option;

/** The Kafka cluster a service talks to. */
public final class KafkaOption {

    @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT[,...]",
        description = "Kafka bootstrap servers.")
    String bootstrapServers;
}
