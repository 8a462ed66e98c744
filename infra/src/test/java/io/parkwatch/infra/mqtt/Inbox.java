package io.parkwatch.infra.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Collects what an MQTT 5 test client receives. Paho's per-subscription listeners do not fire
 * for {@code $share/…} filters, so tests use the client-wide callback.
 */
class Inbox implements MqttCallback {

    /** One received message. */
    record Received(String topic, String payload) {
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicReference<MqttDisconnectResponse> disconnect = new AtomicReference<>();

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> payloads() {
        return received.stream().map(Received::payload).toList();
    }

    int size() {
        return received.size();
    }

    MqttDisconnectResponse disconnect() {
        return disconnect.get();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        disconnect.set(response);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // Surfaces through the tokens the tests wait on.
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Tests wait on publish tokens directly.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // Nothing to do: tests connect synchronously.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication in these tests.
    }
}
