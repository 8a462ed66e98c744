package io.parkwatch.bench.field;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkwatch bench field}: the soak (and kill) of the gateway's TCP listeners for field equipment. */
@Command(name = "field", mixinStandardHelpOptions = true,
    description = {"Soak of the gateway's TCP listeners: JT/T 808 terminals and HJ 212 loggers (the simulator's TCP "
        + "clients) report for the duration against 'parkwatch ingest' in a child JVM and embedded Kafka; with --kill "
        + "the gateway is SIGKILLed halfway and started again. Checks by message id that every report the gateway "
        + "answered is in Kafka; prints connections, reports sent, answered, in Kafka, answered-but-missing, "
        + "duplicates, resent and kills. Exit 1 when answered-but-missing is not 0."})
public final class FieldBenchCommand implements Callable<Integer> {

    @Option(names = "--terminals", defaultValue = "1000",
        description = "JT/T 808 terminals, one connection each (mind ulimit -n). Default: ${DEFAULT-VALUE}.")
    int terminals;

    @Option(names = "--loggers", defaultValue = "200",
        description = "HJ 212 data loggers, one connection each. Default: ${DEFAULT-VALUE}.")
    int loggers;

    @Option(names = "--duration", defaultValue = "60s", paramLabel = "D",
        description = "How long the devices report (e.g. 60s, 5m). Default: ${DEFAULT-VALUE}.")
    String duration;

    @Option(names = "--interval", defaultValue = "2s", paramLabel = "D",
        description = "Each device reports once per interval. Default: ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--kill", description = "SIGKILL the gateway halfway through and start it again.")
    boolean kill;

    @Override
    public Integer call() throws Exception {
        FieldSoakSettings settings = new FieldSoakSettings(terminals, loggers, parse(duration, "--duration"),
            parse(interval, "--interval"), kill);
        FieldSoakResult result = new FieldSoak(settings, System.out).run();
        result.print(System.out);
        return result.answeredButMissing() == 0 ? 0 : 1;
    }

    /** {@code 60s}, {@code 5m}, {@code 500ms} or ISO-8601 ({@code PT60S}). */
    static Duration parse(String text, String option) {
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                return Duration.parse(text);
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException(text);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " must be like 60s, 5m, 500ms or PT60S, got " + text, e);
        }
    }
}
