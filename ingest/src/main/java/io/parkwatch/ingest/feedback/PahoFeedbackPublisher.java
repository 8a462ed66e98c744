package io.parkwatch.ingest.feedback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** Publishes feedback at QoS 1 over the gateway's own MQTT connection; counts what could not be sent. */
public final class PahoFeedbackPublisher implements FeedbackPublisher {

    private final MqttAsyncClient client;
    private final Counter sent;
    private final Counter dropped;

    public PahoFeedbackPublisher(MqttAsyncClient client, MeterRegistry meters) {
        this.client = client;
        this.sent = meters.counter("parkwatch.ingest.feedback", "result", "sent");
        this.dropped = meters.counter("parkwatch.ingest.feedback", "result", "dropped");
    }

    @Override
    public void publish(String topic, byte[] payload) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        try {
            client.publish(topic, message);
            sent.increment();
        } catch (MqttException | RuntimeException e) {
            // Disconnected or too many publishes in flight: the rejection is in Kafka regardless.
            dropped.increment();
        }
    }
}
