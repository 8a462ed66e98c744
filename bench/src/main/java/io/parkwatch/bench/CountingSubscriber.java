package io.parkwatch.bench;

import io.parkwatch.transport.mqtt.NoDelaySocketFactory;
import io.parkwatch.infra.mqtt.ParkAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The broker-alone baseline's receiver: a plain Paho client on the gateway's shared subscription,
 * with the gateway's receive maximum, that acknowledges each message as it arrives and counts it.
 */
final class CountingSubscriber implements AutoCloseable, MqttCallback {

    private final MqttAsyncClient client;
    private final AtomicLong received = new AtomicLong();

    private CountingSubscriber(MqttAsyncClient client) {
        this.client = client;
    }

    static CountingSubscriber connect(String uri, BenchLoad load, int receiveMaximum) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, "bench-broker-subscriber", new MemoryPersistence());
        CountingSubscriber subscriber = new CountingSubscriber(client);
        client.setCallback(subscriber);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(BenchLoad.GATEWAY_USER);
        options.setPassword(new String(load.password()).getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setReceiveMaximum(receiveMaximum);
        options.setSocketFactory(new NoDelaySocketFactory());
        client.connect(options).waitForCompletion(30_000);
        client.subscribe("$share/" + ParkAccounts.GATEWAY_GROUP + "/parks/#", 1).waitForCompletion(30_000);
        return subscriber;
    }

    long received() {
        return received.get();
    }

    long awaitAtLeast(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Progress progress = new Progress("messages received", target);
        while (received.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(2);
            progress.report(received.get());
        }
        return received.get();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        received.incrementAndGet();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(30_000);
        client.close(true);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        // The phase's count shows any shortfall.
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // As above.
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // This client publishes nothing.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // No reconnects within a phase.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication.
    }
}
