package io.parkwatch.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Points written, batch latency, retries and rejected points of the sink. */
public final class SinkMetrics {

    private final Counter written;
    private final Counter retries;
    private final Counter rejected;
    private final Timer batchLatency;

    public SinkMetrics(MeterRegistry registry) {
        this.written = registry.counter("parkwatch.sink.points.written");
        this.retries = registry.counter("parkwatch.sink.write.retries");
        this.rejected = registry.counter("parkwatch.sink.points.rejected");
        this.batchLatency = Timer.builder("parkwatch.sink.batch.latency").publishPercentiles(0.5, 0.99)
            .register(registry);
    }

    void written(int points, long nanos) {
        written.increment(points);
        batchLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void retried() {
        retries.increment();
    }

    void rejected() {
        rejected.increment();
    }

    public double writtenCount() {
        return written.count();
    }
}
