package io.parkwatch.simulator.mqtt;

import io.parkwatch.transport.mqtt.MqttSockets;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * One sender's MQTT connection (an enterprise's login, or a park fleet's), publishing at QoS 1 with a bounded number of unacknowledged
 * messages (Paho refuses more than its in-flight limit instead of queueing them).
 */
final class EnterpriseConnection implements AutoCloseable {

    private static final int MAX_IN_FLIGHT = 64;

    private final MqttAsyncClient client;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong acknowledged;
    private final AtomicLong failed;
    private final IMqttToken connected;

    EnterpriseConnection(String serverUri, String clientId, SenderCredentials credentials, AtomicLong acknowledged,
                         AtomicLong failed) throws MqttException {
        this.acknowledged = acknowledged;
        this.failed = failed;
        this.client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(credentials.username());
        options.setPassword(new String(credentials.password()).getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(true);
        options.setCleanStart(true);
        options.setReceiveMaximum(MAX_IN_FLIGHT);
        options.setSocketFactory(MqttSockets.forUri(serverUri, credentials.tls()));
        // Connects in the background so that a park's enterprises log in side by side.
        this.connected = client.connect(options);
    }

    void awaitConnected() throws MqttException {
        connected.waitForCompletion(30_000);
    }

    void publish(String topic, byte[] payload) throws InterruptedException {
        inFlight.acquire();
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        try {
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    inFlight.release();
                    if (token.getReasonCodes() != null && token.getReasonCodes().length > 0
                        && token.getReasonCodes()[0] >= 0x80) {
                        failed.incrementAndGet();
                    } else {
                        acknowledged.incrementAndGet();
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    inFlight.release();
                    failed.incrementAndGet();
                }
            });
        } catch (MqttException e) {
            inFlight.release();
            failed.incrementAndGet();
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // Closing anyway: the simulator is stopping and the broker drops the session.
            failed.addAndGet(0);
        }
    }
}
