package io.parkwatch.ingest.hj212;

import java.util.Optional;

/** The data uploads parkwatch reads, and the period suffix their metrics carry. */
enum Hj212Command {
    REAL_TIME("2011", ""),
    MINUTE("2051", "-minute"),
    HOUR("2061", "-hour"),
    DAY("2031", "-day");

    private final String code;
    private final String suffix;

    Hj212Command(String code, String suffix) {
        this.code = code;
        this.suffix = suffix;
    }

    static Optional<Hj212Command> of(String cn) {
        for (Hj212Command command : values()) {
            if (command.code.equals(cn)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /**
     * Minute, hour and day values of one factor share kind names (Avg, Cou, …) and their
     * DataTime is the period start, so the period is part of the metric: without it an hourly
     * mean and the minute mean of that hour's first minute would overwrite each other.
     */
    String metric(String factor, String kind) {
        return factor + '-' + kind + suffix;
    }
}
