package io.parkwatch.sink;

import com.influxdb.client.write.Point;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.transport.health.FailureStreak;
import io.parkwatch.transport.kafka.UnreadableRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer group that lands parkwatch's topics in InfluxDB. Each poll is one batch: it is
 * written (retrying a failed InfluxDB for as long as it takes), its refused points go to the
 * rejected topic, and only then are its offsets committed. A crash at any point replays at most
 * the uncommitted batches, which overwrite themselves in InfluxDB.
 *
 * <p>{@value #MAX_QUEUED_BATCHES} batches at most are under way: while one is written on the
 * write thread, the consumer thread polls and decodes the next ones into the write thread's queue
 * (so that the write thread goes from one write to the next without waiting for the consumer
 * thread, whose hiccups, a GC or a JIT burst, the queue absorbs), and commits each batch once it
 * is written. Batches are written and committed strictly one after the other, in poll order,
 * each commit after its own write; the consumer itself is only ever touched by the consumer
 * thread, which keeps the group membership (polling with every partition paused) while a write
 * waits out an outage.
 */
public final class InfluxSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSink.class);
    /** Batches polled and not yet committed, the one being written included: bounds the sink's memory. */
    static final int MAX_QUEUED_BATCHES = 3;
    /** How long a write is waited for without polling: well inside max.poll.interval.ms. */
    private static final Duration QUIET_WAIT = Duration.ofMillis(500);

    private final SinkSettings settings;
    private final RejectionPublisher rejections;
    private final MeterRegistry meters;
    private final SinkRecordDecoder decoder;
    private final RetryingBatchWriter batches;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final Thread thread = new Thread(this::run, "influx-sink");
    private final ExecutorService writes = Executors.newSingleThreadExecutor(task -> new Thread(task, "influx-sink-write"));
    private volatile boolean running = true;
    private volatile boolean writing;

    public InfluxSink(SinkSettings settings, PointWriter writer, RejectionPublisher rejections, MeterRegistry meters,
                      Clock clock) {
        this.settings = settings;
        this.rejections = rejections;
        this.meters = meters;
        this.decoder = new SinkRecordDecoder(clock);
        // The write thread only sleeps through a back-off; the consumer thread polls meanwhile.
        this.batches = new RetryingBatchWriter(writer, settings.backoff(), new SinkMetrics(meters),
            delay -> Thread.sleep(delay.toMillis()), clock);
        this.consumer = new KafkaConsumer<>(consumerConfig(settings), new StringDeserializer(),
            new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(meters);
    }

    /** How long the group waits for a silent member before handing its partitions to another. */
    public static final int GROUP_SESSION_TIMEOUT_MS = 10_000;

    /** The sink's consumer settings; the sink benchmark's raw writer reads its batches with the same. */
    public static Map<String, Object> consumerConfig(SinkSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only committed output of the exactly-once streams app is visible.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatchPoints());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.linger().toMillis());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        // Memory bound: a poll holds at most maxBatchPoints records from at most 16 MiB of fetches, and
        // at most MAX_QUEUED_BATCHES polls are held.
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        // Fewer, larger fetches: a partition may fill a whole fetch (the default stops at 1 MiB).
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        // A killed instance's partitions wait this long for a new owner (Kafka's default: 45 s).
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, GROUP_SESSION_TIMEOUT_MS);
        return settings.kafka().apply(config);
    }

    /** Whether writes are failing on InfluxDB, and since when. */
    public FailureStreak influxWrites() {
        return batches.writes();
    }

    /** The consumer thread runs: false once it ended on a failure (or after {@link #close()}). */
    public boolean running() {
        return thread.isAlive();
    }

    public void start() {
        consumer.subscribe(decoder.topics(), new PauseWhileWriting());
        thread.start();
    }

    private void run() {
        Deque<Batch> queued = new ArrayDeque<>();
        try {
            while (running) {
                landWritten(queued);
                if (queued.size() == MAX_QUEUED_BATCHES) {
                    land(queued.removeFirst());
                    continue;
                }
                ConsumerRecords<String, byte[]> records = pollWhileWriting(queued.peekFirst());
                if (!records.isEmpty()) {
                    // Queued behind the batches before it: the write thread goes from one to the next.
                    queued.addLast(decode(records).submit(writes, batches));
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            LOG.info("sink stopping; uncommitted records will be read again on restart");
        } catch (RuntimeException e) {
            LOG.error("sink failed; uncommitted records will be read again on restart", e);
        } finally {
            stopWrites();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Lands the batches at the head of the queue whose write is done, in order. */
    private void landWritten(Deque<Batch> queued) throws InterruptedException {
        while (!queued.isEmpty() && queued.peekFirst().written().isDone()) {
            land(queued.removeFirst());
        }
    }

    /** The next records; with a write under way, returns early (maybe empty) once the oldest is done. */
    private ConsumerRecords<String, byte[]> pollWhileWriting(Batch oldest) {
        if (oldest == null) {
            return consumer.poll(Duration.ofMillis(500));
        }
        long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ZERO);
        while (records.isEmpty() && !oldest.written().isDone() && System.nanoTime() < deadline) {
            records = consumer.poll(Duration.ofMillis(5));
        }
        return records;
    }

    /** Maps the records to a batch for the writer, which may encode each point as it is added. */
    private Batch decode(ConsumerRecords<String, byte[]> records) {
        PointBatch points = batches.newBatch(records.count());
        List<Rejection> refused = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Point point = decoder.decode(record);
                if (point != null) {
                    points.add(point);
                }
            } catch (SinkRecordDecoder.UnreadableRecordException e) {
                UnreadableRecords.count(meters, "sink", record.topic());
                refused.add(e.rejection());
            }
        }
        return new Batch(records, points, refused);
    }

    /**
     * Waits for the batch's write, parks its unreadable records and refused points in the rejected
     * topic, then commits its offsets.
     */
    private void land(Batch batch) throws InterruptedException {
        writing = true;
        try {
            List<Rejection> refused = new ArrayList<>(batch.unreadable());
            refused.addAll(awaitWritten(batch.written()));
            for (Rejection rejection : refused) {
                publishRejection(rejection);
            }
        } finally {
            writing = false;
            consumer.resume(consumer.paused());
        }
        commit(batch.records());
    }

    /**
     * Waits for the write without polling (a poll per few milliseconds cost the consumer, and the
     * JIT compiling its poll path, more than the batch's decoding); only a write slower than
     * {@link #QUIET_WAIT}, i.e. one waiting out an outage, is waited for with paused polls,
     * so that the group keeps this member and rebalances go on.
     */
    private List<Rejection> awaitWritten(Future<List<Rejection>> written) throws InterruptedException {
        try {
            written.get(QUIET_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            while (!written.isDone()) {
                if (!running) {
                    throw new InterruptedException("sink stopping");
                }
                consumer.pause(consumer.assignment());
                rewind(consumer.poll(Duration.ofMillis(5)));
            }
        } catch (ExecutionException e) {
            // Reported below.
        }
        try {
            return written.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("writing a batch failed", e.getCause());
        }
    }

    private void stopWrites() {
        writes.shutdownNow();
        try {
            if (!writes.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("a batch write did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publishRejection(Rejection rejection) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                rejections.publish(rejection).get();
                LOG.warn("refused and parked in the rejected topic: {}", rejection);
                return;
            } catch (ExecutionException e) {
                LOG.warn("publishing a rejection failed ({}); retry {}", e.getCause().toString(), attempt);
                pausedWait(settings.backoff().delay(attempt));
            }
        }
    }

    /** Commits the batch's offsets for the partitions still ours; others are re-read by their new owner. */
    private void commit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
                offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
            }
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException e) {
            LOG.warn("commit after a rebalance failed; the batch will be written again (idempotent): {}", e.getMessage());
        }
    }

    /** Waits with every partition paused, polling so that the group keeps this member. */
    private void pausedWait(Duration delay) throws InterruptedException {
        if (!running) {
            throw new InterruptedException("sink stopping");
        }
        consumer.pause(consumer.assignment());
        long deadline = System.nanoTime() + delay.toNanos();
        while (running && System.nanoTime() < deadline) {
            ConsumerRecords<String, byte[]> unexpected = consumer.poll(Duration.ofMillis(
                Math.max(1, Math.min(100, (deadline - System.nanoTime()) / 1_000_000))));
            rewind(unexpected);
        }
    }

    /** Records polled while paused would be skipped by the next commit; read them again later. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
            consumer.pause(List.of(partition));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumerMetrics.close();
    }

    /** Polled records, their points and the records that could not be read; then their write. */
    private record Batch(ConsumerRecords<String, byte[]> records, PointBatch points, List<Rejection> unreadable,
                         Future<List<Rejection>> written) {

        Batch(ConsumerRecords<String, byte[]> records, PointBatch points, List<Rejection> unreadable) {
            this(records, points, unreadable, null);
        }

        Batch submit(ExecutorService writes, RetryingBatchWriter batches) {
            return new Batch(records, points, unreadable, writes.submit(() -> batches.write(points)));
        }
    }

    private final class PauseWhileWriting implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (writing) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to flush: a batch in progress commits only the partitions it still owns.
        }
    }
}
