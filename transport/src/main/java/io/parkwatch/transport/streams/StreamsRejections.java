package io.parkwatch.transport.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.parkwatch.contracts.rejection.Rejection;
import io.parkwatch.contracts.topics.Topics;
import io.parkwatch.transport.kafka.UnreadableRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rejections the Streams error handlers return: each becomes a record of the rejected topic
 * that Kafka Streams sends through the task's own producer, so under exactly-once it commits in
 * the same transaction as the offset that skips the bad record (both or neither).
 */
final class StreamsRejections {

    /** Where {@link StreamsApp} hands the handlers its meter registry (Kafka Streams passes its config to them). */
    static final String METER_REGISTRY_CONFIG = "parkwatch.meter.registry";

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRejections.class);

    private final String applicationId;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Serializer<Rejection> serializer = Topics.REJECTED.valueSerde().serializer();

    StreamsRejections(String applicationId, MeterRegistry meters, Clock clock) {
        this.applicationId = applicationId;
        this.meters = meters;
        this.clock = clock;
    }

    /** From the handler's configuration; without a registry (a bare topology test) the global one counts. */
    static StreamsRejections of(Map<String, ?> configs) {
        Object applicationId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        Object meters = configs.get(METER_REGISTRY_CONFIG);
        return new StreamsRejections(String.valueOf(applicationId),
            meters instanceof MeterRegistry registry ? registry : Metrics.globalRegistry, Clock.systemUTC());
    }

    /**
     * Counts the record and answers the rejected-topic record to send, none for a record of a
     * global store: Kafka Streams cannot send from the global thread, and the registry and rule
     * topics it reads are also read, and rejected, by the gateway and the console.
     */
    List<ProducerRecord<byte[], byte[]>> reject(ErrorHandlerContext context, byte[] key, byte[] raw, Exception error) {
        UnreadableRecords.count(meters, applicationId, context.topic());
        Rejection rejection = UnreadableRecords.rejection(applicationId, context.topic(), context.partition(),
            context.offset(), key, raw, error, clock);
        if (context.taskId() == null || context.taskId().subtopology() < 0) {
            LOG.warn("skipping the global-store record {}: {}", rejection.source(), rejection.detail());
            return List.of();
        }
        LOG.warn("skipping the record {} (processor {}): {}", rejection.source(), context.processorNodeId(),
            rejection.detail());
        return List.of(new ProducerRecord<>(Topics.REJECTED.name(), rejection.source().getBytes(StandardCharsets.UTF_8),
            serializer.serialize(Topics.REJECTED.name(), rejection)));
    }
}
