package io.parkwatch.bench.chaos;

import io.parkwatch.infra.kafka.TopicProvisioner;
import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.infra.process.ChildJvm;
import io.parkwatch.testkit.process.KafkaNodeMain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The run's Kafka broker: a process of its own on a fixed port and data directory, so that it can die and return. */
final class KafkaNode implements AutoCloseable {

    private final Path dataDir;
    private final int port = LoopbackPorts.freePort();
    private final Path log;
    private ChildJvm jvm;

    private KafkaNode(Path dataDir, Path log) {
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Starts the broker and creates every parkwatch topic (3 partitions). */
    static KafkaNode start(Path dataDir, Path log) throws IOException, InterruptedException {
        KafkaNode node = new KafkaNode(dataDir, log);
        node.restart();
        TopicProvisioner.ensure(node.bootstrap(), 3, (short) 1);
        return node;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    void kill() throws InterruptedException {
        jvm.kill();
    }

    void restart() throws IOException, InterruptedException {
        jvm = ChildJvm.start("kafka", List.of("-Xmx512m", "-XX:+UseSerialGC"), KafkaNodeMain.class.getName(),
            List.of(dataDir.toString(), String.valueOf(port)), Map.of(), log, KafkaNodeMain.READY, Duration.ofSeconds(180));
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.killQuietly();
        }
    }
}
