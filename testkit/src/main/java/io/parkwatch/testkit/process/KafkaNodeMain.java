package io.parkwatch.testkit.process;

import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;
import io.parkwatch.infra.kafka.KraftQuorum;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A Kafka node (KRaft, combined broker+controller) as a process of its own, for tests that kill it
 * with SIGKILL and start it again on the same ports and data directory. Started through
 * {@link io.parkwatch.infra.process.ChildJvm}; prints {@value #READY} followed by its bootstrap
 * address once it serves clients.
 *
 * <p>Usage: {@code KafkaNodeMain <data-dir> <port>} for a cluster of one, or
 * {@code KafkaNodeMain <data-dir> <port> <node-id> <voters> <cluster-id>} for one node of a cluster,
 * where {@code voters} is {@code 1=19091,2=19092,3=19093} (node id = controller port, every node's)
 * and {@code cluster-id} is the same base64 UUID for all. A cluster node's internal topics are
 * replicated 3 times with 2 in-sync replicas required, as in production, and a
 * silent node is fenced after 3 s; a node of a cluster of
 * three starts only once a second one is up (its controller needs a quorum). The ports must be
 * fixed so that clients and the other nodes find a restarted node where they left it.
 */
public final class KafkaNodeMain {

    public static final String READY = "kafka node ready ";

    private KafkaNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 && args.length != 5) {
            System.err.println("usage: KafkaNodeMain <data-dir> <port> [<node-id> <voters: id=port,…> <cluster-id>]");
            System.exit(2);
        }
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.of(Path.of(args[0])).withPort(Integer.parseInt(args[1]));
        if (args.length == 5) {
            config = config.withQuorum(new KraftQuorum(Integer.parseInt(args[2]), voters(args[3]), args[4]))
                .withOverrides(clusterSettings());
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "kafka-node-stop"));
        System.out.println(READY + kafka.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    /** {@code 1=19091,2=19092,3=19093}. */
    public static Map<Integer, Integer> voters(String text) {
        Map<Integer, Integer> voters = new LinkedHashMap<>();
        for (String voter : text.split(",")) {
            String[] parts = voter.split("=");
            voters.put(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        }
        return voters;
    }

    private static Map<String, String> clusterSettings() {
        return Map.of(
            "offsets.topic.replication.factor", "3",
            "transaction.state.log.replication.factor", "3",
            "transaction.state.log.min.isr", "2",
            "share.coordinator.state.topic.replication.factor", "3",
            "share.coordinator.state.topic.min.isr", "2",
            "default.replication.factor", "3",
            "min.insync.replicas", "2",
            "unclean.leader.election.enable", "false",
            // A killed node is fenced, and leaves the in-sync replicas, after 3 s rather than 9.
            "broker.session.timeout.ms", "3000",
            "broker.heartbeat.interval.ms", "500");
    }
}
