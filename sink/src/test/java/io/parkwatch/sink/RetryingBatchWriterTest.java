package io.parkwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.transport.retry.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryingBatchWriterTest {

    private final List<Duration> waits = new ArrayList<>();
    private final SinkMetrics metrics = new SinkMetrics(new SimpleMeterRegistry());
    private final FakeInflux influx = new FakeInflux();
    private final RetryingBatchWriter writer = new RetryingBatchWriter(influx,
        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), metrics, waits::add,
        Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));

    private static List<Point> points(int count) {
        return IntStream.range(0, count)
            .mapToObj(i -> Point.measurement("reading").addTag("point", "p" + i).addField("value", i)
                .time(i, WritePrecision.NS))
            .toList();
    }

    @Test
    void retriesAnUnavailableServerWithBackoffUntilTheBatchIsStored() throws Exception {
        influx.unavailableFor = 4;
        List<Rejection> rejections = writer.write(points(10));

        assertThat(rejections).isEmpty();
        assertThat(influx.stored).hasSize(10);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
            Duration.ofMillis(800));
        assertThat(metrics.writtenCount()).isEqualTo(10.0);
    }

    @Test
    void isolatesRefusedPointsAndStoresTheRest() throws Exception {
        influx.refuse.add("p3");
        influx.refuse.add("p6");
        List<Rejection> rejections = writer.write(points(8));

        assertThat(rejections).hasSize(2).allSatisfy(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.SINK_REFUSED);
            assertThat(r.detail()).contains("field type conflict");
        });
        assertThat(rejections).extracting(r -> new String(r.raw(), StandardCharsets.UTF_8))
            .anySatisfy(line -> assertThat(line).contains("point=p3"))
            .anySatisfy(line -> assertThat(line).contains("point=p6"));
        assertThat(influx.stored).extracting(p -> p.toLineProtocol().split(" ")[0])
            .containsExactlyInAnyOrder("reading,point=p0", "reading,point=p1", "reading,point=p2", "reading,point=p4",
                "reading,point=p5", "reading,point=p7");
        assertThat(waits).isEmpty();
    }

    @Test
    void aThrottlingServersRetryAfterStretchesTheBackoff() throws Exception {
        influx.unavailableFor = 2;
        influx.retryAfter = java.util.Optional.of(Duration.ofSeconds(5));
        assertThat(writer.write(points(3))).isEmpty();
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(influx.stored).hasSize(3);
    }

    @Test
    void aFilledBatchIsWrittenAgainAsItIsAfterAnOutageAndSplitWhenRefused() throws Exception {
        influx.unavailableFor = 2;
        influx.refuse.add("p2");
        PointBatch batch = writer.newBatch(5);
        points(5).forEach(batch::add);

        List<Rejection> rejections = writer.write(batch);

        assertThat(influx.batchWrites).as("the prepared batch, three times: two outages, then refused").isEqualTo(3);
        assertThat(rejections).singleElement().satisfies(r ->
            assertThat(new String(r.raw(), StandardCharsets.UTF_8)).contains("point=p2"));
        assertThat(influx.stored).extracting(p -> p.toLineProtocol().split(" ")[0])
            .containsExactlyInAnyOrder("reading,point=p0", "reading,point=p1", "reading,point=p3", "reading,point=p4");
        assertThat(waits).hasSize(2);
        assertThat(metrics.writtenCount()).isEqualTo(4.0);
    }

    @Test
    void anEmptyBatchWritesNothing() throws Exception {
        assertThat(writer.write(List.of())).isEmpty();
        assertThat(influx.calls).isZero();
    }

    /** Refuses whole batches that hold a marked point, like InfluxDB answering 400. */
    private static final class FakeInflux implements PointWriter {
        final List<Point> stored = new ArrayList<>();
        final List<String> refuse = new ArrayList<>();
        int unavailableFor;
        java.util.Optional<Duration> retryAfter = java.util.Optional.empty();
        int calls;
        int batchWrites;

        /** A batch that counts its own writes, as a writer preparing its request would. */
        @Override
        public PointBatch newBatch(int expectedPoints) {
            return new PointBatch(expectedPoints) {
                @Override
                protected void send() throws PointWriteException {
                    batchWrites++;
                    FakeInflux.this.write(points());
                }
            };
        }

        @Override
        public void write(List<Point> points) throws PointWriteException {
            calls++;
            if (unavailableFor > 0) {
                unavailableFor--;
                throw new InfluxUnavailableException("connection refused", 0, retryAfter, null);
            }
            for (Point point : points) {
                for (String marker : refuse) {
                    if (point.toLineProtocol().contains("point=" + marker + " ")) {
                        throw new PointsRejectedException(400, "partial write: field type conflict");
                    }
                }
            }
            stored.addAll(points);
        }
    }
}
