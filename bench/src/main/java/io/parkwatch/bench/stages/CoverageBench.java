package io.parkwatch.bench.stages;

import io.parkwatch.contracts.reading.Domain;
import io.parkwatch.contracts.reading.Quality;
import io.parkwatch.contracts.reading.Reading;
import io.parkwatch.contracts.reading.SourceFormat;
import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.RegistryRecord;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.transport.streams.StreamsSettings;
import io.parkwatch.streams.coverage.CoverageProperties;
import io.parkwatch.streams.coverage.CoverageTopology;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The coverage topology as production runs it (Kafka Streams, exactly-once, on embedded Kafka)
 * with a synthetic registry and one reading per point: how long until the park stage knows every
 * point, then the cost of its cadence cycles (Kafka Streams' own punctuation latency), its heap
 * and its state on disk. The measured cycles bring no new readings: the park stage recomputes
 * every row of every park over all its points, which is the recurring cost.
 */
final class CoverageBench {

    /** The park stage's store of point states (package-private in streams). */
    static final String PARK_POINT_STORE = "coverage-point-state";

    record Result(int points, int parks, double loadedSeconds, double punctuateAvgMs, double punctuateMaxMs,
                  long heapBytes, long stateBytes, long storedPoints) {
    }

    private final Duration cadence;
    private final int cycles;
    private final int perPark;

    CoverageBench(Duration cadence, int cycles, int perPark) {
        this.cadence = cadence;
        this.cycles = cycles;
        this.perPark = perPark;
    }

    Result run(int points) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("parkwatch-bench-coverage-");
        SyntheticRegistry registry = SyntheticRegistry.of(points, perPark, Duration.ofMinutes(1));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka")))) {
            TopicProvisioner.ensure(kafka.bootstrapServers(), 3, (short) 1);
            produce(kafka.bootstrapServers(), registry);
            long heapBefore = usedHeapAfterGc();
            Path state = Files.createDirectories(dir.resolve("state"));
            StreamsSettings settings = new StreamsSettings("bench-coverage", kafka.bootstrapServers(), state, 1, 1,
                Duration.ofMillis(100));
            Properties config = new Properties();
            config.setProperty("coverage.cadence", cadence.toSeconds() + "s");
            Properties streamsConfig = settings.toProperties();
            streamsConfig.putAll(CoverageTopology.STREAMS_OVERRIDES);
            try (KafkaStreams streams = new KafkaStreams(CoverageTopology.build(CoverageProperties.load(config)),
                streamsConfig)) {
                long start = System.nanoTime();
                streams.start();
                long stored = awaitAllPoints(streams, points);
                double loaded = (System.nanoTime() - start) / 1e9;
                Thread.sleep(cadence.multipliedBy(cycles).toMillis());
                Map<MetricName, ? extends Metric> metrics = streams.metrics();
                long heap = usedHeapAfterGc() - heapBefore;
                return new Result(points, registry.parks(), loaded, metric(metrics, "punctuate-latency-avg"),
                    metric(metrics, "punctuate-latency-max"), heap, size(state),
                    stored);
            }
        } finally {
            delete(dir);
        }
    }

    private static void produce(String bootstrap, SyntheticRegistry registry) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
            // Fresh topics: an idempotent producer's first batches can meet NOT_LEADER and then
            // loop on OUT_OF_ORDER_SEQUENCE_NUMBER; order does not matter to this load.
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all");
        Instant now = Instant.now();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            for (RegistryRecord record : registry.records()) {
                producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), bytes(record.key()),
                    Topics.REGISTRY.valueSerde().serializer().serialize(Topics.REGISTRY.name(), record)));
            }
            for (PointEntry point : registry.points()) {
                Reading reading = Reading.builder().messageId("b-" + point.pointKey()).park(point.park())
                    .enterprise(point.enterprise()).point(point.id()).domain(Domain.ENERGY).metric("value").value(1.0)
                    .unit("kW").observedAt(now).receivedAt(now).quality(Quality.N).sourceFormat(SourceFormat.JSON)
                    .build();
                producer.send(new ProducerRecord<>(Topics.READINGS.name(), bytes(reading.pointKey()),
                    Topics.READINGS.valueSerde().serializer().serialize(Topics.READINGS.name(), reading)));
            }
            producer.flush();
        }
    }

    /** Counts the park stage's point states until every point is there; returns the count. */
    private long awaitAllPoints(KafkaStreams streams, int points) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(15).toNanos();
        long count = 0;
        long reported = started;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            if (System.nanoTime() - reported > 10_000_000_000L) {
                // Progress, so that a run too large to finish still shows its pace.
                reported = System.nanoTime();
                System.out.printf("  (%d of %d points known to the park stage after %.0f s)%n", count, points,
                    (reported - started) / 1e9);
            }
            if (streams.state() != KafkaStreams.State.RUNNING) {
                continue;
            }
            count = 0;
            ReadOnlyKeyValueStore<String, Object> store = streams.store(StoreQueryParameters.fromNameAndType(
                PARK_POINT_STORE, QueryableStoreTypes.<String, Object>keyValueStore()));
            try (KeyValueIterator<String, Object> all = store.all()) {
                while (all.hasNext()) {
                    all.next();
                    count++;
                }
            }
            if (count >= points) {
                return count;
            }
        }
        throw new IllegalStateException("the park stage knew " + count + " of " + points + " points after 15 min");
    }

    private static double metric(Map<MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
            .filter(e -> e.getKey().group().equals("stream-thread-metrics") && e.getKey().name().equals(name))
            .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
            .max().orElse(Double.NaN);
    }

    private static byte[] bytes(String key) {
        return Topics.REGISTRY.keySerde().serializer().serialize(Topics.REGISTRY.name(), key);
    }

    /** Heap in use after collections; RocksDB's own memory is off-heap and not in this figure. */
    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
