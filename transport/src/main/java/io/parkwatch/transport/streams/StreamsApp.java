package io.parkwatch.transport.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one topology; {@link #start} returns once it is processing. */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final CountDownLatch running = new CountDownLatch(1);

    public StreamsApp(Topology topology, StreamsSettings settings, MeterRegistry meters) {
        this(topology, settings, Map.of(), meters);
    }

    /** With Kafka Streams settings a topology needs for itself, e.g. {@code AlertsTopology.STREAMS_OVERRIDES}. */
    public StreamsApp(Topology topology, StreamsSettings settings, Map<String, ?> overrides, MeterRegistry meters) {
        Properties props = settings.toProperties();
        overrides.keySet().stream().filter(settings.kafka().clientProperties()::containsKey).forEach(key ->
            LOG.warn("{}: the topology sets {} for itself; the --kafka-config value is not used",
                settings.applicationId(), key));
        props.putAll(overrides);
        props.put(StreamsRejections.METER_REGISTRY_CONFIG, meters);
        this.streams = new KafkaStreams(topology, props);
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meters);
        this.streams.setStateListener((now, before) -> {
            LOG.info("streams {} → {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        // A bug or a broker failure ends the thread; a fresh one resumes from committed state, a
        // bounded number of times.
        this.streams.setUncaughtExceptionHandler(new ThreadReplacements(settings.applicationId(),
            ThreadReplacements.DEFAULT_MAX, ThreadReplacements.DEFAULT_WINDOW, Clock.systemUTC()));
    }

    public void start(Duration timeout) throws InterruptedException {
        streams.start();
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("streams not running after " + timeout + ", state " + streams.state());
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Whether the application processes (running or rebalancing); cheap, for health checks. */
    public boolean alive() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    /**
     * Leaves the consumer group on the way out: members here are dynamic, and a member that
     * stays would hold the next start in rebalancing until its session times out (45 s).
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
        metrics.close();
    }
}
