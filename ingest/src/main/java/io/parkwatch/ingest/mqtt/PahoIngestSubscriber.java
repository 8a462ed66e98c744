package io.parkwatch.ingest.mqtt;

import io.parkwatch.ingest.gateway.MessageGateway;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import io.parkwatch.transport.mqtt.NoDelaySocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes messages from the broker at QoS 1 with manual acknowledgement: a message is acknowledged
 * only once the gateway reports it in Kafka (published or rejected). The persistent session keeps
 * unacknowledged messages at the broker across a crash of this process; the broker's
 * receive-maximum bounds how many are in flight.
 */
public final class PahoIngestSubscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PahoIngestSubscriber.class);

    private final MqttSubscriptionSettings settings;
    private final MessageGateway gateway;
    private final MqttAsyncClient client;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** The client is shared with the feedback publisher; this subscriber connects and closes it. */
    public PahoIngestSubscriber(MqttSubscriptionSettings settings, MqttAsyncClient client, MessageGateway gateway) {
        this.settings = settings;
        this.gateway = gateway;
        this.client = client;
        this.client.setManualAcks(true);
        this.client.setCallback(new Callback());
    }

    /** The gateway's MQTT client: in-memory persistence, since the broker keeps the session. */
    public static MqttAsyncClient client(MqttSubscriptionSettings settings) throws MqttException {
        return new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
    }

    /**
     * Connects and subscribes; returns once the broker delivers: subscribed, or the kept session
     * (subscription included) resumed.
     */
    public void start() throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpirySeconds());
        options.setReceiveMaximum(settings.receiveMaximum());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setKeepAliveInterval(30);
        // Without TCP_NODELAY, acks wait on delayed ACKs and HiveMQ delivery caps near 1.1k msg/s.
        options.setSocketFactory(new NoDelaySocketFactory());
        if (settings.username() != null) {
            options.setUserName(settings.username());
            options.setPassword(new String(settings.password()).getBytes(StandardCharsets.UTF_8));
        }
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion();
        if (connected.getSessionPresent()) {
            // The broker kept the session and its subscription and is already delivering the
            // backlog; a SUBACK would queue behind that backlog (Mosquitto sends it first), so
            // start-up does not wait for it.
            subscribeInBackground();
        } else {
            subscribe();
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    private void subscribe() throws MqttException {
        IMqttToken token = client.subscribe(settings.subscription(), 1);
        token.waitForCompletion();
        int refused = refusal(token);
        if (refused != 0) {
            throw new MqttException(refused);
        }
        LOG.info("gateway subscribed to {} on {}", settings.subscription(), settings.serverUri());
    }

    /**
     * Renews the subscription without waiting: needed in Paho's callback thread, where waiting
     * would deadlock (the SUBACK is read only once that thread takes the messages ahead of it).
     */
    private void subscribeInBackground() throws MqttException {
        client.subscribe(settings.subscription(), 1, null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int refused = refusal(token);
                if (refused != 0) {
                    LOG.error("the broker refused the subscription {}: reason code {}", settings.subscription(), refused);
                } else {
                    LOG.info("gateway subscription to {} renewed on {}", settings.subscription(), settings.serverUri());
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                LOG.error("renewing the subscription {} failed: {}", settings.subscription(), error.toString());
            }
        });
        LOG.info("gateway resumed its session on {}; subscription {} renewing", settings.serverUri(),
            settings.subscription());
    }

    /** The SUBACK's failure reason code (0x80 and above), or 0 when granted. */
    private static int refusal(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        return codes != null && codes.length > 0 && codes[0] > 2 ? codes[0] : 0;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("closing the MQTT subscriber: {}", e.toString());
        }
    }

    private final class Callback implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            inFlight.incrementAndGet();
            gateway.handle(topic, message.getPayload()).whenComplete((outcome, error) -> {
                inFlight.decrementAndGet();
                if (error != null) {
                    // Only when stopping: leave it unacknowledged so the broker redelivers it.
                    LOG.info("message {} on {} left unacknowledged: {}", message.getId(), topic, error.toString());
                    return;
                }
                acknowledge(message);
            });
        }

        private void acknowledge(MqttMessage message) {
            if (message.getQos() == 0) {
                return;
            }
            try {
                client.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException e) {
                LOG.warn("acknowledging message {} failed; the broker will redeliver it: {}", message.getId(), e.toString());
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                try {
                    subscribeInBackground();
                } catch (MqttException e) {
                    LOG.error("re-subscribing after reconnect failed: {}", e.toString());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("gateway disconnected from {}: {}", settings.serverUri(), response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // The subscriber publishes nothing.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
