package io.parkwatch.bench.stages;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Readings sent in a Kafka transaction that stays open until {@link #release()}: a
 * {@code read_committed} consumer, as the sink is, sees none of them until then and all of them
 * at once after, so that one long-running sink can be timed draining a whole load.
 */
final class HeldBackLoad implements AutoCloseable {

    /** Long enough for a load to be sent, read back for the raw writer and waited on. */
    private static final int TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

    private final KafkaProducer<byte[], byte[]> producer;

    HeldBackLoad(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, "parkwatch-bench-sink-load",
            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS,
            ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
            // As the gateway sends readings (DurableProducerSettings): the sink reads lz4 batches.
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** Sends the load in a new transaction and leaves it open. */
    void hold(SinkLoad load) {
        producer.beginTransaction();
        load.send(producer);
    }

    /** Commits the open transaction: its readings become visible at once. */
    void release() {
        producer.commitTransaction();
    }

    @Override
    public void close() {
        producer.close();
    }
}
