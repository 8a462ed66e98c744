package io.parkwatch.ingest.mqtt;

import io.micrometer.core.instrument.MeterRegistry;
import io.parkwatch.ingest.gateway.MessageGateway;
import io.parkwatch.transport.health.HealthCheck;
import io.parkwatch.transport.mqtt.MqttSockets;
import io.parkwatch.transport.retry.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** Between attempts at a subscription the broker refused or did not answer. */
    /** Paho's shortest reconnect delay, in whole seconds. */
    static final int RECONNECT_DELAY_SECONDS = 1;
    static final Backoff SUBSCRIBE_BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    /** Metric: subscriptions refused or failed, each retried. */
    public static final String SUBSCRIBE_FAILURES = "parkwatch.ingest.mqtt.subscribe.failures";

    private final MqttSubscriptionSettings settings;
    private final MessageGateway gateway;
    private final MqttAsyncClient client;
    private final Clock clock;
    private final SubscriptionKeeper subscription;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** When a message last completed, or arrived while none was in flight: the gateway's progress. */
    private volatile long progressAtMillis;

    /**
     * The client is shared with the feedback publisher; this subscriber connects and closes it. A
     * refused subscription is retried on {@code scheduler}.
     */
    public PahoIngestSubscriber(MqttSubscriptionSettings settings, MqttAsyncClient client, MessageGateway gateway,
                                ScheduledExecutorService scheduler, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.gateway = gateway;
        this.client = client;
        this.clock = clock;
        this.progressAtMillis = clock.millis();
        this.subscription = new SubscriptionKeeper(settings.subscription(), this::requestSubscription,
            (task, delay) -> scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS), SUBSCRIBE_BACKOFF,
            meters.counter(SUBSCRIBE_FAILURES, "client", settings.clientId()));
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
        // Every second, without growing: a restarted Mosquitto 2.0 brings back the gateway's session
        // but not its shared subscription, and until this connection subscribes again it answers an
        // enterprise's publish "no matching subscribers" and drops it (docs/running.md). A growing
        // delay (it was up to 30 s) would widen that window after a long outage.
        options.setAutomaticReconnectDelay(RECONNECT_DELAY_SECONDS, RECONNECT_DELAY_SECONDS);
        options.setKeepAliveInterval(30);
        // Without TCP_NODELAY, acks wait on delayed ACKs and HiveMQ delivery caps near 1.1k msg/s;
        // an ssl:// URI gets TLS with the settings' CA and client certificate.
        options.setSocketFactory(MqttSockets.forUri(settings.serverUri(), settings.tls()));
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        char[] password = settings.password();
        if (password != null) {
            // Absent when the gateway logs in with its client certificate.
            options.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
        }
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion();
        if (connected.getSessionPresent()) {
            // The broker kept the session and its subscription and is already delivering the
            // backlog; a SUBACK would queue behind that backlog (Mosquitto sends it first), so
            // start-up does not wait for it: the keeper renews it, retrying until granted.
            LOG.info("gateway resumed its session on {}; subscription {} renewing", settings.serverUri(),
                settings.subscription());
            subscription.onConnect();
        } else {
            subscribe();
            subscription.onConnectSubscribed();
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Connected to the broker, with the detail of the subscription's state. */
    public HealthCheck.Verdict connection() {
        String what = settings.clientId() + " on " + settings.serverUri();
        return subscription.isConnected() ? HealthCheck.Verdict.up(what + " connected")
            : HealthCheck.Verdict.down(what + ": " + subscription.verdict().detail());
    }

    /** Granted its subscription on the current connection. */
    public HealthCheck.Verdict subscription() {
        HealthCheck.Verdict verdict = subscription.verdict();
        return new HealthCheck.Verdict(verdict.up(), settings.clientId() + ": " + verdict.detail());
    }

    /**
     * Down when messages are in flight and none has completed for {@code bound}: they wait on
     * a dependency (Kafka), and the broker sends no more beyond its receive maximum.
     */
    public HealthCheck.Verdict progress(Duration bound) {
        int waiting = inFlight.get();
        long stalledMillis = clock.millis() - progressAtMillis;
        if (waiting > 0 && stalledMillis >= bound.toMillis()) {
            return HealthCheck.Verdict.down(settings.clientId() + ": " + waiting + " messages in flight, none done for "
                + stalledMillis / 1000 + " s");
        }
        return HealthCheck.Verdict.up(settings.clientId() + ": " + waiting + " messages in flight");
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
     * One SUBSCRIBE without waiting: needed in Paho's callback thread, where waiting would
     * deadlock (the SUBACK is read only once that thread takes the messages ahead of it).
     */
    private CompletableFuture<Void> requestSubscription() {
        CompletableFuture<Void> granted = new CompletableFuture<>();
        try {
            client.subscribe(settings.subscription(), 1, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int refused = refusal(token);
                    if (refused != 0) {
                        granted.completeExceptionally(new MqttException(refused));
                    } else {
                        granted.complete(null);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    granted.completeExceptionally(error);
                }
            });
        } catch (MqttException e) {
            granted.completeExceptionally(e);
        }
        return granted;
    }

    /** The SUBACK's failure reason code (0x80 and above), or 0 when granted. */
    private static int refusal(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        return codes != null && codes.length > 0 && codes[0] > 2 ? codes[0] : 0;
    }

    @Override
    public void close() {
        subscription.stop();
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
            if (inFlight.getAndIncrement() == 0) {
                progressAtMillis = clock.millis();
            }
            gateway.handle(topic, message.getPayload()).whenComplete((outcome, error) -> {
                progressAtMillis = clock.millis();
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
                subscription.onConnect();
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            subscription.onDisconnect(String.valueOf(response));
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
