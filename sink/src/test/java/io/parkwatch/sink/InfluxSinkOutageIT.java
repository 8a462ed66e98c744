package io.parkwatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.PointKey;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.transport.kafka.KafkaRejectionPublisher;
import io.parkwatch.transport.retry.Backoff;
import io.parkwatch.transport.kafka.DurableProducerSettings;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.influx.InfluxdConfig;
import io.parkwatch.infra.influx.InfluxdProcess;
import io.parkwatch.sink.influx.InfluxDatabaseAdmin;
import io.parkwatch.sink.influx.InfluxV1Endpoint;
import io.parkwatch.sink.influx.RetentionRoutingPointWriter;
import io.parkwatch.sink.influx.RetentionSettings;
import io.parkwatch.testkit.SharedServers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * influxd is killed (SIGKILL) under load and comes back on the same port and data directory a
 * minute later: every reading sent is in InfluxDB once, and a sink replaying the whole topic
 * under a fresh group doubles nothing.
 */
class InfluxSinkOutageIT {

    private static final int POINTS = 20;
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Instant BASE = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path dir;

    private final String park = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    private final String database = "sink_outage_it";
    private final Map<String, AtomicLong> sentPerPoint = new ConcurrentHashMap<>();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private InfluxdProcess influxd;
    private SinkHarness sink;
    private SinkHarness replay;

    @AfterEach
    void stop() {
        loading.set(false);
        if (sink != null) {
            sink.close();
        }
        if (replay != null) {
            replay.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void everyPointSentDuringASixtySecondOutageIsStoredOnceAndAReplayDoublesNothing() throws Exception {
        Path data = dir.resolve("influxdb");
        influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, data));
        int port = influxd.port();
        InfluxV1Endpoint endpoint = InfluxV1Endpoint.of(influxd.url(), database);
        new InfluxDatabaseAdmin(endpoint).ensure(RetentionSettings.defaults().policies());
        String kafka = SharedServers.kafka().bootstrapServers();
        sink = SinkHarness.start(kafka, "outage-it-" + park, endpoint);
        Thread load = new Thread(() -> produce(kafka), "outage-load");
        load.start();

        TimeUnit.SECONDS.sleep(10);
        influxd.processHandle().destroyForcibly();
        influxd.processHandle().onExit().get(10, TimeUnit.SECONDS);
        influxd.close();
        TimeUnit.SECONDS.sleep(5);
        Map<Integer, Long> committedEarly = sink.committedReadings();
        TimeUnit.MILLISECONDS.sleep(OUTAGE.toMillis() - 5000);
        assertThat(sink.committedReadings()).as("no commit while InfluxDB is down").isEqualTo(committedEarly);
        influxd = InfluxdProcess.start(InfluxdConfig.loopback(port, data));
        TimeUnit.SECONDS.sleep(10);
        loading.set(false);
        load.join();

        long sent = sentPerPoint.values().stream().mapToLong(AtomicLong::get).sum();
        InfluxCounts counts = new InfluxCounts(influxd.url(), database);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
            .until(() -> counts.readings(park) == sent);
        System.out.printf("outage IT: sent %d readings (%d points), sink wrote %.0f points, %.0f write retries, "
                + "InfluxDB holds %d readings, %d distinct message ids%n", sent, POINTS, sink.written(), sink.retries(),
            counts.readings(park), counts.distinctMessageIds(park));
        assertThat(sink.retries()).as("the outage made the sink retry").isPositive();
        assertThat(counts.readingsPerPoint(park)).isEqualTo(expectedPerPoint());
        assertThat(counts.distinctMessageIds(park)).isEqualTo(sent);

        replay = SinkHarness.start(kafka, "outage-replay-" + park, endpoint);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(replay::caughtUpOnReadings);
        System.out.printf("outage IT replay: wrote %.0f points again; InfluxDB holds %d readings%n", replay.written(),
            counts.readings(park));
        assertThat(replay.written()).isGreaterThanOrEqualTo(sent);
        assertThat(counts.readings(park)).isEqualTo(sent);
        assertThat(counts.readingsPerPoint(park)).isEqualTo(expectedPerPoint());
    }

    private Map<String, Long> expectedPerPoint() {
        Map<String, Long> expected = new java.util.TreeMap<>();
        sentPerPoint.forEach((point, count) -> expected.put(point, count.get()));
        return expected;
    }

    /** About 200 readings a second over 20 points, each with its own time and message id, until stopped. */
    private void produce(String kafka) {
        try (KafkaProducer<String, Reading> producer = new KafkaProducer<>(
                DurableProducerSettings.of(kafka, "outage-load-" + park),
                Topics.READINGS.keySerde().serializer(), Topics.READINGS.valueSerde().serializer())) {
            long sequence = 0;
            while (loading.get()) {
                for (int p = 0; p < POINTS; p++) {
                    String point = "stack-" + p;
                    Reading reading = Reading.builder().messageId(park + "-" + point + "-" + sequence).park(park)
                        .enterprise("e" + (p % 4)).point(point).domain(Domain.EMISSIONS).metric("a21026-Rtd")
                        .value(20.0 + (sequence % 30)).unit("mg/m3").observedAt(BASE.plusMillis(sequence * 100))
                        .receivedAt(Instant.now()).quality(Quality.N).sourceFormat(SourceFormat.HJ212).build();
                    producer.send(new ProducerRecord<>(Topics.READINGS.name(),
                        PointKey.text(park, reading.enterprise(), point), reading)).get();
                    sentPerPoint.computeIfAbsent(point, any -> new AtomicLong()).incrementAndGet();
                }
                sequence++;
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException("load stopped: " + e, e);
        }
    }

    /** A sink with its own consumer group, rejected-topic publisher and meters. */
    static final class SinkHarness implements AutoCloseable {

        private final SimpleMeterRegistry meters;
        private final KafkaRejectionPublisher rejections;
        private final InfluxSink sink;
        private final GroupOffsets offsets;

        private SinkHarness(SimpleMeterRegistry meters, KafkaRejectionPublisher rejections, InfluxSink sink,
                            GroupOffsets offsets) {
            this.meters = meters;
            this.rejections = rejections;
            this.sink = sink;
            this.offsets = offsets;
        }

        static SinkHarness start(String kafka, String group, InfluxV1Endpoint endpoint) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            KafkaRejectionPublisher rejections = KafkaRejectionPublisher.create(kafka, group + "-rejected",
                Topics.REJECTED);
            InfluxSink sink = new InfluxSink(new SinkSettings(kafka, group, 2000, Duration.ofMillis(100),
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(3))),
                RetentionRoutingPointWriter.v1(endpoint), rejections, meters, Clock.systemUTC());
            sink.start();
            return new SinkHarness(meters, rejections, sink, new GroupOffsets(kafka, group));
        }

        double written() {
            return meters.counter("parkwatch.sink.points.written").count();
        }

        double retries() {
            return meters.counter("parkwatch.sink.write.retries").count();
        }

        Map<Integer, Long> committedReadings() {
            return offsets.committed(Topics.READINGS.name());
        }

        boolean caughtUpOnReadings() {
            return offsets.caughtUp(Topics.READINGS.name());
        }

        @Override
        public void close() {
            sink.close();
            rejections.close();
            offsets.close();
        }
    }
}
