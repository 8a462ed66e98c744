package io.parkwatch.infra.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * One async MQTT 5 publisher (QoS 1, a bounded window of unacknowledged PUBLISHes) and one
 * member of a shared subscription that acknowledges each message manually, as the gateway will.
 * Measures; asserts nothing about time.
 */
public final class ThroughputProbe {

    /** Credentials of one side. */
    public record Login(String username, String password) {
    }

    /**
     * How to run.
     *
     * @param count             messages to send
     * @param publishWindow     unacknowledged PUBLISHes the publisher keeps in flight (at most the
     *                          broker's receive maximum, or Paho fails with 32202)
     * @param receiveMaximum    the subscriber's MQTT 5 receive maximum: its in-flight window
     * @param filter            the subscription
     * @param manualAcks        acknowledge each message explicitly after handling it
     * @param subscriberNoDelay TCP_NODELAY on the subscriber's socket
     */
    public record Settings(int count, int publishWindow, int receiveMaximum, String filter, boolean manualAcks,
                           boolean subscriberNoDelay) {

        public static Settings defaults(int count) {
            return new Settings(count, 100, 100, "$share/" + ParkAccounts.GATEWAY_GROUP + "/parks/#", true, true);
        }
    }

    /** What a run achieved. */
    public record Result(Settings settings, int received, int duplicates, long publishMillis, long deliveryMillis) {

        double publishRate() {
            return settings.count() * 1000.0 / Math.max(1, publishMillis);
        }

        double deliveryRate() {
            return received * 1000.0 / Math.max(1, deliveryMillis);
        }

        @Override
        public String toString() {
            return String.format("%d QoS 1 messages published at %.0f msg/s (publish window %d); %d received on %s "
                    + "at %.0f msg/s (receive maximum %d, %s acks, TCP_NODELAY %s); %d duplicates",
                settings.count(), publishRate(), settings.publishWindow(), received, settings.filter(), deliveryRate(),
                settings.receiveMaximum(), settings.manualAcks() ? "manual" : "automatic",
                settings.subscriberNoDelay() ? "on" : "off", duplicates);
        }
    }

    private static final String TOPIC = "parks/p1/enterprises/e1/throughput/m";
    private static final String PREFIX = "tp-";
    private static final long MAX_WAIT_MILLIS = 300_000;

    private final String uri;
    private final Settings settings;

    public ThroughputProbe(String uri, Settings settings) {
        this.uri = uri;
        this.settings = settings;
    }

    public Result run(Login publisherLogin, Login subscriberLogin) throws Exception {
        Counter counter = new Counter(settings.count());
        MqttAsyncClient[] holder = new MqttAsyncClient[1];
        Inbox callback = new Inbox() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
                if (payload.startsWith(PREFIX)) {
                    counter.arrived(Integer.parseInt(payload.substring(PREFIX.length())));
                }
                if (settings.manualAcks()) {
                    acknowledge(holder[0], message);
                }
            }
        };
        MqttAsyncClient subscriber = MqttTestClients.v5(uri, MqttTestClients.clientId("tp-sub"),
            subscriberLogin.username(), subscriberLogin.password(), callback, o -> {
                o.setReceiveMaximum(settings.receiveMaximum());
                if (!settings.subscriberNoDelay()) {
                    o.setSocketFactory(SocketFactory.getDefault());
                }
            });
        holder[0] = subscriber;
        subscriber.setManualAcks(settings.manualAcks());
        MqttAsyncClient publisher = null;
        try {
            subscriber.subscribe(new MqttSubscription(settings.filter(), 1)).waitForCompletion(MqttTestClients.WAIT_MILLIS);
            publisher = MqttTestClients.v5(uri, MqttTestClients.clientId("tp-pub"), publisherLogin.username(),
                publisherLogin.password(), new Inbox());
            long start = System.nanoTime();
            publishAll(publisher);
            long published = System.nanoTime();
            long deadline = published + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
            while (counter.received.get() < settings.count() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long end = counter.received.get() >= settings.count() ? counter.lastArrival.get() : System.nanoTime();
            return new Result(settings, counter.received.get(), counter.duplicates.get(),
                (published - start) / 1_000_000, (end - start) / 1_000_000);
        } finally {
            if (publisher != null) {
                MqttTestClients.close(publisher);
            }
            MqttTestClients.close(subscriber);
        }
    }

    private void publishAll(MqttAsyncClient publisher) throws MqttException, InterruptedException {
        Semaphore window = new Semaphore(settings.publishWindow());
        AtomicInteger failures = new AtomicInteger();
        MqttActionListener release = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                    failures.incrementAndGet();
                }
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                failures.incrementAndGet();
                window.release();
            }
        };
        for (int i = 0; i < settings.count(); i++) {
            window.acquire();
            MqttMessage message = new MqttMessage((PREFIX + i).getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            publisher.publish(TOPIC + (i % 10), message, null, release);
        }
        window.acquire(settings.publishWindow());
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " publishes failed");
        }
    }

    private static void acknowledge(MqttAsyncClient client, MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            throw new IllegalStateException("manual ack failed", e);
        }
    }

    /** Distinct sequence numbers seen, and how many arrived more than once. */
    private static final class Counter {
        private final BitSet seen;
        private final AtomicInteger received = new AtomicInteger();
        private final AtomicInteger duplicates = new AtomicInteger();
        private final AtomicLong lastArrival = new AtomicLong();

        Counter(int count) {
            this.seen = new BitSet(count);
        }

        synchronized void arrived(int seq) {
            if (seen.get(seq)) {
                duplicates.incrementAndGet();
            } else {
                seen.set(seq);
                received.incrementAndGet();
            }
            lastArrival.set(System.nanoTime());
        }
    }
}
