package io.parkwatch.bench.field;

import java.io.PrintStream;
import java.util.List;

/**
 * What a field soak measured. {@code answeredButMissing} is the figure that must be 0: reports
 * the gateway answered as accepted whose readings are not in Kafka.
 */
public record FieldSoakResult(int terminals, int loggers, long connections, long sent, long accepted, long refused,
                              long unanswered, long dropped, long inKafka, long answeredButMissing, long duplicates,
                              long resent, int kills, int acceptedAfterRestart, double seconds,
                              List<String> missingExamples) {

    public int devices() {
        return terminals + loggers;
    }

    public void print(PrintStream out) {
        out.printf("field soak: %d terminals + %d loggers for %.0f s, %d kill(s)%n", terminals, loggers, seconds,
            kills);
        out.printf("connections:            %d%n", connections);
        out.printf("reports sent:           %d%n", sent);
        out.printf("answered:               %d (accepted %d, refused %d)%n", accepted + refused, accepted, refused);
        out.printf("in Kafka:               %d of the accepted%n", inKafka);
        out.printf("answered-but-missing:   %d%n", answeredButMissing);
        out.printf("duplicates:             %d readings%n", duplicates);
        out.printf("resent:                 %d%n", resent);
        out.printf("unanswered (given up):  %d, dropped %d%n", unanswered, dropped);
        out.printf("kills:                  %d%n", kills);
        if (kills > 0) {
            out.printf("devices accepted after the restart: %d of %d%n", acceptedAfterRestart, devices());
        }
        if (!missingExamples.isEmpty()) {
            out.println("missing, e.g.: " + String.join(", ", missingExamples));
        }
    }
}
