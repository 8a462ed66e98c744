package io.parkwatch.cli.command;

import picocli.CommandLine.Option;

/** The replication factor of the topics a command creates when the cluster lacks them. */
public final class ReplicationOption {

    @Option(names = "--replication-factor", defaultValue = "1", paramLabel = "N",
        description = "Replication factor of the parkwatch topics created when missing (and of the streams' internal "
            + "topics); 3 on a production cluster, where created topics also get min.insync.replicas=2. "
            + "Default: ${DEFAULT-VALUE}.")
    int replicationFactor;

    /** Checked at start-up, naming the option. */
    short replicationFactor() {
        Checks.atLeastOne(replicationFactor, "--replication-factor");
        if (replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("--replication-factor is too large: " + replicationFactor);
        }
        return (short) replicationFactor;
    }
}
