package io.parkwatch.transport.streams;

import io.parkwatch.transport.kafka.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How the streams processors run. Exactly-once (v2) so that a restarted instance neither loses
 * nor doubles window and alert state.
 *
 * @param replicationFactor of internal topics: 1 on a single broker, 3 in production
 * @param standbyReplicas   warm copies of each task's stores kept by other instances, so that an
 *                          instance taking over a killed one's tasks need not restore them from
 *                          the changelogs first; 0 (Kafka's default) keeps none
 */
public record StreamsSettings(String applicationId, KafkaConnection kafka, Path stateDir, int threads,
                              int replicationFactor, Duration commitInterval, int standbyReplicas) {

    /**
     * What {@code parkwatch streams}, the demo and the benchmarks run with. Under exactly-once a
     * result becomes visible to read-committed consumers only when its transaction commits, so
     * this interval bounds the latency the alerts add.
     */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(200);

    public StreamsSettings {
        Objects.requireNonNull(applicationId, "applicationId is required");
        Objects.requireNonNull(kafka, "kafka is required");
        Objects.requireNonNull(stateDir, "stateDir is required");
        Objects.requireNonNull(commitInterval, "commitInterval is required");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be >= 1: " + replicationFactor);
        }
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("standbyReplicas must be >= 0: " + standbyReplicas);
        }
    }

    /** Without standby replicas. */
    public StreamsSettings(String applicationId, KafkaConnection kafka, Path stateDir, int threads,
                           int replicationFactor, Duration commitInterval) {
        this(applicationId, kafka, stateDir, threads, replicationFactor, commitInterval, 0);
    }

    /**
     * Without standby replicas, on a cluster reached with Kafka's defaults otherwise (tests,
     * benchmarks, the embedded broker).
     */
    public StreamsSettings(String applicationId, String bootstrapServers, Path stateDir, int threads,
                           int replicationFactor, Duration commitInterval) {
        this(applicationId, KafkaConnection.to(bootstrapServers), stateDir, threads, replicationFactor,
            commitInterval, 0);
    }

    /** The same settings with {@code replicas} standby replicas. */
    public StreamsSettings withStandbyReplicas(int replicas) {
        return new StreamsSettings(applicationId, kafka, stateDir, threads, replicationFactor, commitInterval,
            replicas);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The same settings for a sibling application, {@code <applicationId>-<suffix>}, with its own group and state. */
    public StreamsSettings forApplication(String suffix) {
        return new StreamsSettings(applicationId + '-' + suffix, kafka, stateDir, threads, replicationFactor,
            commitInterval, standbyReplicas);
    }

    public Properties toProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        if (replicationFactor >= 3) {
            // As the provisioner does for parkwatch's topics: a committed change is on two brokers,
            // and one broker may be down.
            props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), 2);
        }
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        // A record that cannot be read, or whose processing throws, goes to the rejected topic and
        // is skipped, in the task's transaction: failing would read it again, forever.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingProcessingHandler.class);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // A killed instance's tasks wait this long for another owner (Kafka's default: 45 s, during which
        // its points' alerts are late); heartbeats come from their own thread, so a busy one is not dropped.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        // Kafka Streams hands unprefixed client properties (TLS, SASL …) to all its clients.
        return kafka.apply(props);
    }
}
