package io.parkwatch.sink.influx;

import com.influxdb.client.write.Point;
import io.parkwatch.contracts.influx.InfluxSchema;
import io.parkwatch.sink.PointBatch;
import io.parkwatch.sink.PointWriteException;
import io.parkwatch.sink.PointWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes each point into its retention policy: aggregates by their {@code window} tag into
 * {@code agg_1m}/{@code agg_1h}, everything else into the default policy. One request per policy;
 * when a later request fails, the caller writes the whole batch again, which overwrites the
 * points already stored.
 */
public final class RetentionRoutingPointWriter implements PointWriter {

    private static final String DEFAULT_POLICY = "";

    private final Map<String, PointWriter> writers;

    private RetentionRoutingPointWriter(Map<String, PointWriter> writers) {
        this.writers = writers;
    }

    /** One writer per policy, made by {@code writerFor} (empty = the default policy). */
    public static RetentionRoutingPointWriter of(Function<Optional<String>, PointWriter> writerFor) {
        Map<String, PointWriter> writers = new LinkedHashMap<>();
        writers.put(DEFAULT_POLICY, writerFor.apply(Optional.empty()));
        writers.put(InfluxSchema.RP_AGGREGATE_1M, writerFor.apply(Optional.of(InfluxSchema.RP_AGGREGATE_1M)));
        writers.put(InfluxSchema.RP_AGGREGATE_1H, writerFor.apply(Optional.of(InfluxSchema.RP_AGGREGATE_1H)));
        return new RetentionRoutingPointWriter(writers);
    }

    /** The v1 {@code /write} endpoint with {@code rp=} per policy. */
    public static RetentionRoutingPointWriter v1(InfluxV1Endpoint endpoint) {
        return of(policy -> new InfluxV1HttpPointWriter(policy.map(endpoint::withRetentionPolicy).orElse(endpoint)));
    }

    @Override
    public void write(List<Point> points) throws PointWriteException {
        Map<String, List<Point>> byPolicy = new LinkedHashMap<>();
        for (Point point : points) {
            byPolicy.computeIfAbsent(policy(point), any -> new ArrayList<>()).add(point);
        }
        for (Map.Entry<String, List<Point>> group : byPolicy.entrySet()) {
            writers.get(group.getKey()).write(group.getValue());
        }
    }

    /** A batch of one batch per policy, each made by that policy's writer. */
    @Override
    public PointBatch newBatch(int expectedPoints) {
        return new RoutedBatch(expectedPoints);
    }

    private static String policy(Point point) {
        return RetentionSettings.policyOfWindow(point.getTags().get(InfluxSchema.TAG_WINDOW)).orElse(DEFAULT_POLICY);
    }

    private final class RoutedBatch extends PointBatch {

        private final Map<String, PointBatch> byPolicy = new LinkedHashMap<>();
        private final int expectedPoints;

        RoutedBatch(int expectedPoints) {
            super(expectedPoints);
            this.expectedPoints = expectedPoints;
        }

        @Override
        protected void prepare(Point point) {
            byPolicy.computeIfAbsent(policy(point), policy -> writers.get(policy).newBatch(expectedPoints)).add(point);
        }

        @Override
        protected void send() throws PointWriteException {
            for (PointBatch batch : byPolicy.values()) {
                batch.write();
            }
        }
    }

    @Override
    public void close() {
        writers.values().forEach(PointWriter::close);
    }
}
