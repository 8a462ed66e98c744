package io.parkwatch.bench.pipeline;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One rule of the CPU budget: a thread of this JVM whose whole name matches {@code name} works for
 * {@code stage}. Rules are tried in order, the first match wins; the names are those the JVM
 * shows during a run ({@code jcmd <pid> Thread.print}): Kafka clients name their threads
 * {@code "<kind> | <client id>"}, Paho {@code "MQTT Call|Rec|Snd|Ping: <client id>"}, Kafka
 * Streams {@code "<application id>-<uuid>-StreamThread-1"} and so on.
 */
record ThreadStage(Pattern name, String stage) {

    static final String GATEWAY = "gateway";
    static final String WINDOWS = "windows app";
    static final String ALERTS = "coverage+alerts app";
    static final String SINK = "sink";
    static final String BRIDGE = "bridge";
    static final String BROKER = "Kafka broker";
    static final String LOAD = "load generator";
    static final String INSTRUMENTS = "bench instruments";
    static final String OTHER = "other Java threads";

    /** The client thread of a Kafka producer, consumer (heartbeat) or admin client, before its client id. */
    private static final String KAFKA_CLIENT = "kafka-(producer-network-thread|coordinator-heartbeat-thread"
        + "|admin-client-thread) \\| ";
    private static final String PAHO = "MQTT (Call|Rec|Snd|Ping): ";

    /** What runs in the bench's JVM alike in both runs: the embedded broker, the publishers, the probes. */
    private static final List<ThreadStage> SHARED = List.of(
        rule(KAFKA_CLIENT + "parkwatch-embedded-kafka-admin", BROKER),
        rule(KAFKA_CLIENT + "bench-(tally|alert-probe)-.*", INSTRUMENTS),
        rule("bench-(id-tally|alert-probe|timeline)", INSTRUMENTS),
        rule("bench-lane", LOAD),
        rule(PAHO + "bench-.*", LOAD),
        // Anything else of a Kafka client is a client the rules do not know: not the broker's.
        rule(KAFKA_CLIENT + ".*", OTHER),
        rule("(data-plane-kafka-|kafka-|ExpirationReaper-|group-coordinator-|share-|TxnMarkerSenderThread-"
            + "|AddPartitionsToTxnSenderThread-|executor-|quorum-controller-|raft-|broker-\\d|controller-\\d"
            + "|transaction-log-manager-|metrics-meter-tick-thread-|persister-state-manager-"
            + "|network-partition-metadata-client-|client-metrics-).*", BROKER),
        rule("LogDirFailureHandler|SensorExpiryThread|PersisterStateManager", BROKER));

    /**
     * The pipeline's steps, its stages in the order of a reading's path. The windows app's
     * application id is {@code bench-pipeline}, the coverage + alerts app's
     * {@code bench-pipeline-alerts}. The sink's InfluxDB writes run on the JDK's
     * {@code HttpClient-N-…} threads, which the bench's own {@link InfluxCount} shares by name; it
     * is idle while the lanes send, so they count for the sink.
     */
    static List<ThreadStage> pipeline() {
        return concat(List.of(
            rule(PAHO + "bench-pipeline-gateway", GATEWAY),
            rule(KAFKA_CLIENT + "parkwatch-gateway.*", GATEWAY),
            rule("gateway-retry", GATEWAY),
            rule("(" + KAFKA_CLIENT + ")?bench-pipeline(-(?!alerts).*)?", WINDOWS),
            rule("(" + KAFKA_CLIENT + ")?bench-pipeline-alerts(-.*)?", ALERTS),
            rule(KAFKA_CLIENT + "parkwatch-(influx-)?sink.*", SINK),
            rule("influx-sink.*|HttpClient-\\d+-.*", SINK)));
    }

    /** The bridge's steps: the pipeline is stopped, its MQTT client is {@code bench-bridge}. */
    static List<ThreadStage> bridge() {
        return concat(List.of(
            rule(PAHO + "bench-bridge", BRIDGE),
            rule("bridge-(flush|writer)|HttpClient-\\d+-.*", BRIDGE)));
    }

    /** The stage of the first rule that matches {@code threadName}; {@link #OTHER} when none does. */
    static String classify(List<ThreadStage> rules, String threadName) {
        for (ThreadStage rule : rules) {
            if (rule.name().matcher(threadName).matches()) {
                return rule.stage();
            }
        }
        return OTHER;
    }

    private static ThreadStage rule(String regex, String stage) {
        return new ThreadStage(Pattern.compile(regex), stage);
    }

    private static List<ThreadStage> concat(List<ThreadStage> first) {
        return Stream.concat(first.stream(), SHARED.stream()).toList();
    }
}
