package io.parkwatch.cli.command;

import picocli.CommandLine.Option;

/** How many partitions the parkwatch topics get when a command creates them. */
public final class TopicOptions {

    @Option(names = "--partitions", defaultValue = "3", paramLabel = "N",
        description = "Partitions of the parkwatch topics created when missing: the upper bound on streams threads and "
            + "sink instances working in parallel. Existing topics are never altered; to grow them see docs/running.md. "
            + "Default: ${DEFAULT-VALUE}.")
    int partitions;

    /** Checked at start-up, naming the option. */
    int partitions() {
        Checks.atLeastOne(partitions, "--partitions");
        return partitions;
    }
}
