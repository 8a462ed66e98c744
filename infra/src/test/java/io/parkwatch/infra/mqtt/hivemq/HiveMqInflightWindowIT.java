package io.parkwatch.infra.mqtt.hivemq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.infra.mqtt.ParkAccounts;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HiveMQ CE sends a client at most 50 unacknowledged messages whatever its receive maximum says
 * (and, for a shared subscription, reads the group's queue in batches of that size, the next one
 * only once the whole batch is acknowledged). The embedded broker raises that cap, so a gateway
 * reconnecting to a backlog gets as many messages as its receive maximum allows.
 */
class HiveMqInflightWindowIT {

    private static final int RECEIVE_MAXIMUM = EmbeddedMqttBroker.MAX_INFLIGHT_WINDOW;
    private static final String TOPIC = "parks/p1/enterprises/e1/points/m1";

    @TempDir
    Path dir;

    @Test
    void aSubscriberGetsAsManyUnacknowledgedMessagesAsItsReceiveMaximumAllows() throws Exception {
        char[] password = "window-test".toCharArray();
        StaticAccessPolicy policy = new StaticAccessPolicy(List.of(ParkAccounts.gateway("gw", password),
            ParkAccounts.enterprise("e1", password, "p1", "e1")));
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(
                Files.createDirectories(dir.resolve("hivemq")), policy))) {
            // Subscribe, then go away: the backlog waits in the group's shared queue, as after a gateway crash.
            MqttAsyncClient subscriber = subscriber(broker.uri(), new AtomicInteger());
            subscriber.subscribe("$share/" + ParkAccounts.GATEWAY_GROUP + "/parks/#", 1).waitForCompletion(10_000);
            subscriber.disconnect().waitForCompletion(10_000);
            subscriber.close();

            MqttClient publisher = new MqttClient(broker.uri(), "window-pub", new MemoryPersistence());
            publisher.connect(options("e1"));
            for (int i = 0; i < RECEIVE_MAXIMUM + 500; i++) {
                publisher.publish(TOPIC, ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false);
            }

            AtomicInteger unacknowledged = new AtomicInteger();
            subscriber = subscriber(broker.uri(), unacknowledged);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unacknowledged.get())
                .as("delivered before any ack").isGreaterThanOrEqualTo(RECEIVE_MAXIMUM));
            Thread.sleep(500);
            assertThat(unacknowledged.get()).as("in flight without a single ack (HiveMQ's own cap is 50)")
                .isEqualTo(RECEIVE_MAXIMUM);
            publisher.disconnect();
            publisher.close();
            subscriber.disconnect().waitForCompletion(10_000);
            subscriber.close();
        }
    }

    /** The gateway's way of attaching: persistent session, manual acks, a large receive maximum. */
    private static MqttAsyncClient subscriber(String uri, AtomicInteger delivered) throws MqttException {
        MqttAsyncClient subscriber = new MqttAsyncClient(uri, "window-sub", new MemoryPersistence());
        subscriber.setManualAcks(true);
        subscriber.setCallback(new Counting(delivered));
        MqttConnectionOptions options = options("gw");
        options.setCleanStart(false);
        options.setSessionExpiryInterval(300L);
        options.setReceiveMaximum(RECEIVE_MAXIMUM);
        subscriber.connect(options).waitForCompletion(10_000);
        return subscriber;
    }

    private static MqttConnectionOptions options(String user) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword("window-test".getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        return options;
    }

    /** Counts deliveries and never acknowledges one. */
    private record Counting(AtomicInteger count) implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            count.incrementAndGet();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            // The test closes the client itself.
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            // Not expected; the count assertion shows the effect.
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Only the publisher's tokens complete.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Nothing to restore.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
