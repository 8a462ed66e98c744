package io.parkwatch.streams.sink;

import com.influxdb.client.write.Point;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
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
 * the uncommitted batch, which overwrites itself in InfluxDB.
 */
public final class InfluxSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSink.class);

    private final SinkSettings settings;
    private final RejectionPublisher rejections;
    private final SinkRecordDecoder decoder;
    private final RetryingBatchWriter batches;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final Thread thread = new Thread(this::run, "influx-sink");
    private volatile boolean running = true;
    private volatile boolean writing;

    public InfluxSink(SinkSettings settings, PointWriter writer, RejectionPublisher rejections, MeterRegistry meters,
                      Clock clock) {
        this.settings = settings;
        this.rejections = rejections;
        this.decoder = new SinkRecordDecoder(clock);
        this.batches = new RetryingBatchWriter(writer, settings.backoff(), new SinkMetrics(meters), this::pausedWait,
            clock);
        this.consumer = new KafkaConsumer<>(consumerConfig(settings), new StringDeserializer(),
            new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(meters);
    }

    private static Map<String, Object> consumerConfig(SinkSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only committed output of the exactly-once streams app is visible.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatchPoints());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.linger().toMillis());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        // Memory bound: one poll holds at most maxBatchPoints records from at most 16 MiB of fetches.
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        return config;
    }

    public void start() {
        consumer.subscribe(decoder.topics(), new PauseWhileWriting());
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    land(records);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            LOG.info("sink stopping; uncommitted records will be read again on restart");
        } catch (RuntimeException e) {
            LOG.error("sink failed; uncommitted records will be read again on restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void land(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<Point> points = new ArrayList<>(records.count());
        List<Rejection> refused = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Point point = decoder.decode(record);
                if (point != null) {
                    points.add(point);
                }
            } catch (SinkRecordDecoder.UnreadableRecordException e) {
                refused.add(e.rejection());
            }
        }
        writing = true;
        try {
            refused.addAll(batches.write(points));
            for (Rejection rejection : refused) {
                publishRejection(rejection);
            }
        } finally {
            writing = false;
            consumer.resume(consumer.paused());
        }
        commit(records);
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
