package io.parkwatch.bench.cluster;

import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.infra.process.ChildJvm;
import io.parkwatch.testkit.process.KafkaNodeMain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * Three combined broker+controller KRaft nodes, each a process of its own on fixed loopback ports
 * and a data directory of its own, so that one can be killed with SIGKILL and started again in
 * place.
 */
final class KafkaCluster implements AutoCloseable {

    static final int NODES = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Small heaps and the quick JIT: three brokers share two cores with the pipeline under test. */
    private static final List<String> JVM = List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path dir;
    private final Path logs;
    private final int[] clientPorts = new int[NODES];
    private final String voters;
    private final String clusterId = Uuid.randomUuid().toString();
    private final ChildJvm[] nodes = new ChildJvm[NODES];

    private KafkaCluster(Path dir, Path logs) {
        this.dir = dir;
        this.logs = logs;
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < 2 * NODES) {
            int port = LoopbackPorts.freePort();
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        for (int i = 0; i < NODES; i++) {
            clientPorts[i] = ports.get(i);
        }
        this.voters = IntStream.range(0, NODES).mapToObj(i -> (i + 1) + "=" + ports.get(NODES + i))
            .collect(Collectors.joining(","));
    }

    /** Starts the three nodes at once: each waits for a quorum of controllers before it is ready. */
    /** @param logs where the nodes' output goes: somewhere that outlives the test JVM, for a failure's story */
    static KafkaCluster start(Path dir, Path logs) {
        KafkaCluster cluster = new KafkaCluster(dir, logs);
        // A thread per node: the common pool may have one worker on two cores, and a node's start
        // waits for the others.
        ExecutorService starting = Executors.newFixedThreadPool(NODES);
        try {
            CompletableFuture.allOf(IntStream.rangeClosed(1, NODES)
                .mapToObj(id -> CompletableFuture.runAsync(() -> cluster.startNode(id), starting))
                .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            cluster.close();
            throw e;
        } finally {
            starting.shutdown();
        }
        return cluster;
    }

    String bootstrapServers() {
        return IntStream.of(clientPorts).mapToObj(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill(int nodeId) throws InterruptedException {
        nodes[nodeId - 1].kill();
    }

    /** On the same ports and data directory as before. */
    void startNode(int nodeId) {
        try {
            nodes[nodeId - 1] = ChildJvm.start("kafka-" + nodeId, JVM, KafkaNodeMain.class.getName(),
                List.of(dir.resolve("node-" + nodeId).toString(), Integer.toString(clientPorts[nodeId - 1]),
                    Integer.toString(nodeId), voters, clusterId),
                Map.of(), log(nodeId), KafkaNodeMain.READY, PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting kafka-" + nodeId, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start kafka-" + nodeId + ": " + e, e);
        }
    }

    Path log(int nodeId) {
        return logs.resolve("node-" + nodeId + ".log");
    }

    /** SIGKILL for all: their data is scratch, and a graceful stop of three brokers takes many seconds. */
    @Override
    public void close() {
        for (ChildJvm node : nodes) {
            if (node != null) {
                try {
                    node.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    node.killQuietly();
                }
            }
        }
    }
}
