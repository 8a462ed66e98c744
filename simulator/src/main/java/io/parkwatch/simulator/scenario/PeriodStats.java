package io.parkwatch.simulator.scenario;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/** Minimum, sum and maximum of each factor over the current minute or hour of a data logger. */
final class PeriodStats {

    /** A period that ended: its start and its statistics. */
    record Closed(Instant start, double[] min, double[] max, double[] sum, int count) {

        double mean(int factor) {
            return sum[factor] / count;
        }
    }

    private final ChronoUnit unit;
    private final int factors;
    private Instant start;
    private double[] min;
    private double[] max;
    private double[] sum;
    private int count;

    PeriodStats(ChronoUnit unit, int factors) {
        this.unit = unit;
        this.factors = factors;
    }

    /** The period that ended before {@code at}, once, if it holds values. */
    Optional<Closed> closedBefore(Instant at) {
        if (start == null || at.truncatedTo(unit).equals(start)) {
            return Optional.empty();
        }
        Closed closed = new Closed(start, min, max, sum, count);
        start = null;
        return count == 0 ? Optional.empty() : Optional.of(closed);
    }

    void add(Instant at, double[] values) {
        if (start == null) {
            start = at.truncatedTo(unit);
            min = new double[factors];
            max = new double[factors];
            sum = new double[factors];
            Arrays.fill(min, Double.MAX_VALUE);
            Arrays.fill(max, -Double.MAX_VALUE);
            count = 0;
        }
        for (int i = 0; i < factors; i++) {
            min[i] = Math.min(min[i], values[i]);
            max[i] = Math.max(max[i], values[i]);
            sum[i] += values[i];
        }
        count++;
    }
}
