package io.parkwatch.bench.command;

import io.parkwatch.cli.Main;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/**
 * {@code parkwatch bench}: the benchmarks live in a jar of their own, so the product jar ships
 * none of them; the {@code parkwatch} script hands {@code bench ...} to this class.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    /** {@code parkwatch bench} with parkwatch's error handling, for {@code main} and for tests. */
    public static CommandLine commandLine() {
        return Main.withErrorHandling(new CommandLine(new BenchCommand()).setCommandName("parkwatch bench"));
    }
}
