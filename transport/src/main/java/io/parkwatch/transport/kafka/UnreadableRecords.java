package io.parkwatch.transport.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.contracts.rejection.RejectReason;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.rejection.RejectionPublisher;
import io.parkwatch.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a consumer does with a record of a parkwatch topic it cannot read or process: it parks the
 * raw bytes in the rejected topic as {@link RejectReason#UNREADABLE_RECORD}, counts it by topic,
 * and goes on with the next record. A record that stopped its consumer would stop it again at
 * every restart, since it stays in the topic.
 */
public final class UnreadableRecords implements AutoCloseable {

    /** Counter of unreadable records, tagged {@code topic} and {@code consumer}. */
    public static final String COUNTER = "parkwatch.records.unreadable";

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableRecords.class);

    private final String consumer;
    private final RejectionPublisher rejections;
    private final MeterRegistry meters;
    private final Clock clock;

    /**
     * @param consumer   who could not read it (e.g. {@code console}, {@code gateway}); the
     *                   rejection's source is {@code consumer:topic/partition@offset}
     * @param rejections owned: closed with this
     */
    public UnreadableRecords(String consumer, RejectionPublisher rejections, MeterRegistry meters, Clock clock) {
        this.consumer = consumer;
        this.rejections = rejections;
        this.meters = meters;
        this.clock = clock;
    }

    /** Rejecting to parkwatch's rejected topic through a producer of its own. */
    public static UnreadableRecords toKafka(String consumer, String bootstrapServers, String clientId,
                                            MeterRegistry meters, Clock clock) {
        return toKafka(consumer, KafkaConnection.to(bootstrapServers), clientId, meters, clock);
    }

    /** Rejecting to parkwatch's rejected topic through a producer of its own, on the given connection. */
    public static UnreadableRecords toKafka(String consumer, KafkaConnection kafka, String clientId,
                                            MeterRegistry meters, Clock clock) {
        return new UnreadableRecords(consumer, KafkaRejectionPublisher.create(kafka, clientId,
            Topics.REJECTED), meters, clock);
    }

    /** The rejection of the record at {@code topic/partition@offset}; the key, if any, goes in the detail. */
    public static Rejection rejection(String consumer, String topic, int partition, long offset, byte[] key,
                                      byte[] raw, Throwable error, Clock clock) {
        return new Rejection(source(consumer, topic, partition, offset), null, null, null,
            RejectReason.UNREADABLE_RECORD, detail(key, error), raw, clock.instant());
    }

    /** {@code consumer:topic/partition@offset}, the form the sink has used from the start. */
    public static String source(String consumer, String topic, int partition, long offset) {
        return consumer + ':' + topic + '/' + partition + '@' + offset;
    }

    /** Serde errors carry their own explanation; any other error is named by its class. */
    static String detail(byte[] key, Throwable error) {
        String why = error instanceof SerializationException && error.getMessage() != null ? error.getMessage()
            : error.toString();
        return key == null ? why : "key '" + new String(key, StandardCharsets.UTF_8) + "': " + why;
    }

    /** Counts one unreadable record of {@code topic} read by {@code consumer}. */
    public static void count(MeterRegistry meters, String consumer, String topic) {
        meters.counter(COUNTER, "topic", topic, "consumer", consumer).increment();
    }

    /**
     * Rejects, counts and logs the record; the caller skips it. The future completes when the
     * rejection is stored. A failed send is only logged: the record itself stays in its topic.
     */
    public CompletableFuture<Void> reject(String topic, int partition, long offset, String key, byte[] raw,
                                          Throwable error) {
        Rejection rejection = rejection(consumer, topic, partition, offset,
            key == null ? null : key.getBytes(StandardCharsets.UTF_8), raw, error, clock);
        count(meters, consumer, topic);
        LOG.warn("skipping the record {}: {}", rejection.source(), rejection.detail());
        return rejections.publish(rejection).whenComplete((stored, failed) -> {
            if (failed != null) {
                LOG.warn("parking the unreadable record {} in the rejected topic failed: {}", rejection.source(),
                    failed.toString());
            }
        });
    }

    @Override
    public void close() {
        rejections.close();
    }
}
