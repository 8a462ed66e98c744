package io.parkwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.transport.kafka.KafkaRejectionPublisher;
import io.parkwatch.transport.retry.Backoff;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.testkit.SharedServers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The write thread has batches queued behind the one it writes, at most
 * {@link InfluxSink#MAX_QUEUED_BATCHES} in all: while a write hangs, the sink polls and decodes
 * that many batches and no more, and commits nothing; once the write returns, every point lands
 * once and the offsets are committed.
 */
class InfluxSinkQueueIT {

    private static final int READINGS = 100;

    @Test
    void whileAWriteHangsTheSinkQueuesABoundedNumberOfBatchesAndCommitsNothingThenLandsEveryPointOnce()
        throws Exception {
        String park = "queue-" + UUID.randomUUID().toString().substring(0, 8);
        String kafka = SharedServers.kafka().bootstrapServers();
        produce(kafka, park);
        HangingWriter writer = new HangingWriter();
        String group = "queue-it-" + park;
        // Ten points a poll: this test's readings alone fill more batches than may be queued.
        SinkSettings settings = new SinkSettings(kafka, group, 10, Duration.ofMillis(50),
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2)));
        try (KafkaRejectionPublisher rejections = KafkaRejectionPublisher.create(kafka, "queue-rejected-" + park,
                Topics.REJECTED);
             InfluxSink sink = new InfluxSink(settings, writer, rejections, new SimpleMeterRegistry(), Clock.systemUTC());
             GroupOffsets offsets = new GroupOffsets(kafka, group)) {
            sink.start();

            await().atMost(Duration.ofMinutes(1)).until(() -> writer.batches.get() == InfluxSink.MAX_QUEUED_BATCHES);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> writer.batches.get() == InfluxSink.MAX_QUEUED_BATCHES);
            assertThat(writer.written).isEmpty();
            assertThat(offsets.committed(Topics.READINGS.name())).as("nothing is committed before its write").isEmpty();

            writer.release.countDown();
            await().atMost(Duration.ofMinutes(1)).until(() -> writer.linesOf(park).size() == READINGS);
            assertThat(writer.linesOf(park)).doesNotHaveDuplicates();
            await().atMost(Duration.ofMinutes(1)).until(() -> !offsets.committed(Topics.READINGS.name()).isEmpty());
            assertThat(writer.batches.get()).isGreaterThan(InfluxSink.MAX_QUEUED_BATCHES);
        }
    }

    private static void produce(String kafka, String park) throws Exception {
        // Not idempotent: as the first test of a JVM this meets fresh partitions, where an idempotent
        // producer's first batches can meet NOT_LEADER and then loop on OUT_OF_ORDER_SEQUENCE_NUMBER.
        try (KafkaProducer<String, Reading> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false), Topics.READINGS.keySerde().serializer(),
                Topics.READINGS.valueSerde().serializer())) {
            Instant start = Instant.now().minusSeconds(3600);
            for (int i = 0; i < READINGS; i++) {
                Reading reading = Reading.builder().messageId(park + "-m" + i).park(park).enterprise("e001")
                    .point("stack-01").domain(Domain.EMISSIONS).metric("a21026-Rtd").value(20.0 + i).unit("mg/m3")
                    .observedAt(start.plusSeconds(i)).receivedAt(Instant.now()).quality(Quality.N)
                    .sourceFormat(SourceFormat.JSON).build();
                producer.send(new ProducerRecord<>(Topics.READINGS.name(), PointKey.text(park, "e001", "stack-01"),
                    reading)).get();
            }
        }
    }

    /** Counts the batches the sink makes; its first write hangs until released. */
    private static final class HangingWriter implements PointWriter {

        private final AtomicInteger batches = new AtomicInteger();
        private final CountDownLatch release = new CountDownLatch(1);
        private final List<Point> written = Collections.synchronizedList(new ArrayList<>());

        @Override
        public PointBatch newBatch(int expectedPoints) {
            batches.incrementAndGet();
            return PointBatch.collecting(this, expectedPoints);
        }

        @Override
        public void write(List<Point> points) throws PointWriteException {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfluxUnavailableException("closing", 0, Optional.empty(), e);
            }
            written.addAll(points);
        }

        List<String> linesOf(String park) {
            synchronized (written) {
                return written.stream().map(point -> point.toLineProtocol(null, WritePrecision.NS))
                    .filter(line -> line.contains("park=" + park + ",")).toList();
            }
        }
    }
}
