package io.parkwatch.streams.windows;

import io.parkwatch.contracts.aggregate.Aggregate;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Reading;
import java.time.Instant;

/** The running state of one window of one metric at one point. */
public record WindowStats(String park, String enterprise, String point, Domain domain, String metric, String unit,
                          long count, long goodCount, double sum, double min, double max) {

    public static WindowStats empty() {
        return new WindowStats(null, null, null, null, null, null, 0, 0, 0.0, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY);
    }

    public WindowStats add(Reading reading) {
        double value = reading.value();
        return new WindowStats(reading.park(), reading.enterprise(), reading.point(), reading.domain(),
            reading.metric(), reading.unit(), count + 1, goodCount + (reading.quality().isGood() ? 1 : 0),
            sum + value, Math.min(min, value), Math.max(max, value));
    }

    public Aggregate toAggregate(String window, Instant start, Instant end) {
        return new Aggregate(park, enterprise, point, domain, metric, unit, window, start, end, count, goodCount,
            sum, min, max);
    }
}
