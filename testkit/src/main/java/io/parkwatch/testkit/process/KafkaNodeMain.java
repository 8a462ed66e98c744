package io.parkwatch.testkit.process;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.parkwatch.infra.kafka.EmbeddedKafka;
import io.parkwatch.infra.kafka.EmbeddedKafkaConfig;

/**
 * A single-node Kafka broker (KRaft) as a process of its own, for tests that kill the broker with SIGKILL
 * and start it again on the same port and data directory. Started through {@link io.parkwatch.infra.process.ChildJvm}; prints
 * {@value #READY} followed by its bootstrap address once it serves clients.
 *
 * <p>Usage: {@code KafkaNodeMain <data-dir> <port>}; the port must be fixed so that clients find the
 * restarted broker where they left it.
 */
public final class KafkaNodeMain {

    public static final String READY = "kafka node ready ";

    private KafkaNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: KafkaNodeMain <data-dir> <port>");
            System.exit(2);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(
            EmbeddedKafkaConfig.of(Path.of(args[0])).withPort(Integer.parseInt(args[1])));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "kafka-node-stop"));
        System.out.println(READY + kafka.bootstrapServers());
        System.out.flush();
        stopped.await();
    }
}
