package io.parkwatch.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CPU budget's stage rules, on thread names read with {@code jcmd <pid> Thread.print} during a bench run. */
class ThreadStageTest {

    private static final String WINDOWS_APP = "bench-pipeline-bcbbe3ce-c77f-48f6-8bda-84ce6b10632a";
    private static final String ALERTS_APP = "bench-pipeline-alerts-61e7a86e-9234-4fed-858f-bd47dacfc919";

    @Test
    void everyThreadOfAPipelineRunGoesToTheStageItWorksFor() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("MQTT Call: bench-pipeline-gateway", ThreadStage.GATEWAY);
        expected.put("MQTT Rec: bench-pipeline-gateway", ThreadStage.GATEWAY);
        expected.put("kafka-producer-network-thread | parkwatch-gateway-readings", ThreadStage.GATEWAY);
        expected.put("kafka-producer-network-thread | parkwatch-gateway-rejected", ThreadStage.GATEWAY);
        expected.put("gateway-retry", ThreadStage.GATEWAY);
        expected.put(WINDOWS_APP + "-StreamThread-1", ThreadStage.WINDOWS);
        expected.put(WINDOWS_APP + "-StateUpdater-1", ThreadStage.WINDOWS);
        expected.put("kafka-producer-network-thread | " + WINDOWS_APP + "-StreamThread-1-producer", ThreadStage.WINDOWS);
        expected.put("kafka-coordinator-heartbeat-thread | bench-pipeline", ThreadStage.WINDOWS);
        expected.put(ALERTS_APP + "-StreamThread-1", ThreadStage.ALERTS);
        expected.put(ALERTS_APP + "-GlobalStreamThread", ThreadStage.ALERTS);
        expected.put("kafka-producer-network-thread | " + ALERTS_APP + "-StreamThread-1-producer", ThreadStage.ALERTS);
        expected.put("kafka-coordinator-heartbeat-thread | bench-pipeline-alerts", ThreadStage.ALERTS);
        expected.put("influx-sink", ThreadStage.SINK);
        expected.put("influx-sink-write", ThreadStage.SINK);
        expected.put("HttpClient-4-Worker-0", ThreadStage.SINK);
        expected.put("kafka-coordinator-heartbeat-thread | parkwatch-influx-sink", ThreadStage.SINK);
        expected.put("kafka-producer-network-thread | parkwatch-sink-rejected", ThreadStage.SINK);
        expected.put("data-plane-kafka-request-handler-5", ThreadStage.BROKER);
        expected.put("data-plane-kafka-network-thread-1-PLAINTEXT-PLAINTEXT-0", ThreadStage.BROKER);
        expected.put("kafka-1-metadata-loader-event-handler", ThreadStage.BROKER);
        expected.put("executor-Fetch", ThreadStage.BROKER);
        expected.put("ExpirationReaper-1-Fetch", ThreadStage.BROKER);
        expected.put("group-coordinator-event-processor-1", ThreadStage.BROKER);
        expected.put("TxnMarkerSenderThread-1", ThreadStage.BROKER);
        expected.put("AddPartitionsToTxnSenderThread-1", ThreadStage.BROKER);
        expected.put("quorum-controller-1-event-handler", ThreadStage.BROKER);
        expected.put("broker-1-to-controller-heartbeat-channel-manager", ThreadStage.BROKER);
        expected.put("kafka-admin-client-thread | parkwatch-embedded-kafka-admin", ThreadStage.BROKER);
        expected.put("LogDirFailureHandler", ThreadStage.BROKER);
        expected.put("bench-lane", ThreadStage.LOAD);
        expected.put("MQTT Snd: bench-json-0", ThreadStage.LOAD);
        expected.put("MQTT Call: bench-hj212-3", ThreadStage.LOAD);
        expected.put("MQTT Ping: bench-jt808-1", ThreadStage.LOAD);
        expected.put("bench-id-tally", ThreadStage.INSTRUMENTS);
        expected.put("bench-alert-probe", ThreadStage.INSTRUMENTS);
        expected.put("kafka-coordinator-heartbeat-thread | bench-tally-0ee1-4d", ThreadStage.INSTRUMENTS);
        expected.put("micrometer-kafka-metrics", ThreadStage.OTHER);
        expected.put("kafka-producer-network-thread | someone-else", ThreadStage.OTHER);

        Map<String, String> actual = new LinkedHashMap<>();
        expected.keySet().forEach(name -> actual.put(name, ThreadStage.classify(ThreadStage.pipeline(), name)));

        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void theTableListsThePipelinesStagesInTheOrderOfAReadingsPath() {
        List<String> stages = ThreadStage.pipeline().stream().map(ThreadStage::stage).distinct().limit(4).toList();

        assertThat(stages).containsExactly(ThreadStage.GATEWAY, ThreadStage.WINDOWS, ThreadStage.ALERTS,
            ThreadStage.SINK);
    }

    @Test
    void theBridgesOwnThreadsAreTheBridgeAndItsPublishersTheLoad() {
        List<ThreadStage> rules = ThreadStage.bridge();

        assertThat(ThreadStage.classify(rules, "MQTT Call: bench-bridge")).isEqualTo(ThreadStage.BRIDGE);
        assertThat(ThreadStage.classify(rules, "bridge-writer")).isEqualTo(ThreadStage.BRIDGE);
        assertThat(ThreadStage.classify(rules, "HttpClient-9-SelectorManager")).isEqualTo(ThreadStage.BRIDGE);
        assertThat(ThreadStage.classify(rules, "MQTT Call: bench-bridge-json-0")).isEqualTo(ThreadStage.LOAD);
        assertThat(ThreadStage.classify(rules, "kafka-scheduler-3")).isEqualTo(ThreadStage.BROKER);
        assertThat(ThreadStage.classify(rules, "influx-sink")).as("the pipeline is stopped during the bridge")
            .isEqualTo(ThreadStage.OTHER);
    }
}
