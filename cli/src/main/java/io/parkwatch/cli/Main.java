package io.parkwatch.cli;

import io.parkwatch.cli.command.ConsoleCommand;
import io.parkwatch.cli.command.DemoCommand;
import io.parkwatch.cli.command.IngestCommand;
import io.parkwatch.cli.command.MosquittoAuthCommand;
import io.parkwatch.cli.command.PermitsCommand;
import io.parkwatch.cli.command.RegistryCommand;
import io.parkwatch.cli.command.RulesCommand;
import io.parkwatch.cli.command.SimulateCommand;
import io.parkwatch.cli.command.SinkCommand;
import io.parkwatch.cli.command.StreamsCommand;
import io.parkwatch.contracts.duration.Durations;
import io.parkwatch.infra.net.PortInUseException;
import java.time.Duration;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parkwatch} command: wires services, holds no logic of its own. */
@Command(name = "parkwatch", mixinStandardHelpOptions = true, version = "parkwatch 0.1.0",
    description = "Monitoring pipeline of an industrial park: MQTT → Kafka → Kafka Streams → InfluxDB.",
    subcommands = {DemoCommand.class, IngestCommand.class, StreamsCommand.class, SinkCommand.class,
        ConsoleCommand.class, SimulateCommand.class, MosquittoAuthCommand.class, RegistryCommand.class,
        RulesCommand.class, PermitsCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // influxdb-client-java and Paho log through java.util.logging; send it to the one log.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    /** The command line with parkwatch's error handling, for {@code main} and for tests. */
    public static CommandLine commandLine() {
        // Duration options take the shared grammar (30s, 10m, PT3M), not picocli's ISO-8601 only.
        return withErrorHandling(new CommandLine(new Main()).registerConverter(Duration.class, Durations::parse));
    }

    /** {@code line} answering configuration mistakes with one clear line and exit code 2. */
    public static CommandLine withErrorHandling(CommandLine line) {
        return line
            .setExecutionExceptionHandler((error, command, parsed) -> {
                // Configuration mistakes get one clear line, not a stack trace.
                if (error instanceof PortInUseException || error instanceof IllegalArgumentException) {
                    command.getErr().println("parkwatch: " + error.getMessage());
                    return 2;
                }
                throw error;
            });
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
