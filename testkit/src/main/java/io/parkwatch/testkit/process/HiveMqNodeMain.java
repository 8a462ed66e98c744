package io.parkwatch.testkit.process;

import io.parkwatch.infra.mqtt.CredentialsFile;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttBroker;
import io.parkwatch.infra.mqtt.hivemq.EmbeddedMqttConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded HiveMQ CE broker as a process of its own, for tests that kill the broker with SIGKILL and
 * start it again on the same port and data directory. Its persistence is on disk, so that sessions and
 * queued messages outlive the kill. Started through {@link io.parkwatch.infra.process.ChildJvm}; prints
 * {@value #READY} followed by its URI once it accepts connections.
 *
 * <p>Usage: {@code HiveMqNodeMain <data-dir> <port> <logins-file> <gateway-user>}: the logins file holds
 * {@code username=password} lines, as {@code parkwatch mosquitto-auth} reads them.
 */
public final class HiveMqNodeMain {

    public static final String READY = "hivemq node ready ";

    private HiveMqNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        if (args.length != 4) {
            System.err.println("usage: HiveMqNodeMain <data-dir> <port> <logins-file> <gateway-user>");
            System.exit(2);
        }
        StaticAccessPolicy policy = new StaticAccessPolicy(CredentialsFile.load(Path.of(args[2]), args[3]));
        EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(Path.of(args[0]), policy)
            .withPort(Integer.parseInt(args[1])).withPersistence(MqttPersistence.FILE));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "hivemq-node-stop"));
        System.out.println(READY + broker.uri());
        System.out.flush();
        stopped.await();
    }
}
