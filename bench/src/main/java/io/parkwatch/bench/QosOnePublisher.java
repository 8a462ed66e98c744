package io.parkwatch.bench;

import io.parkwatch.transport.mqtt.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * One enterprise sending QoS 1 readings with a bounded window of unacknowledged PUBLISHes. A
 * message counts as sent only once its PUBACK arrived; a failed one is sent again, so when
 * {@link #publish} returns, the broker has acknowledged every message.
 */
public final class QosOnePublisher implements AutoCloseable {

    /** Unacknowledged PUBLISHes per publisher; at most the brokers' receive maximum (100). */
    public static final int WINDOW = 100;
    private static final long WAIT_MILLIS = 30_000;

    private final MqttAsyncClient client;
    private final BenchLoad load;
    private final String topic;
    private final Semaphore window = new Semaphore(WINDOW);
    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    private final AtomicLong acknowledged = new AtomicLong();
    /**
     * PUBACKs by reason code: a success code other than 0 says what the broker did with the message
     * (0x10: no subscriber matched, so the message went nowhere).
     */
    private final Map<Integer, AtomicLong> reasonCodes = new ConcurrentHashMap<>();
    /** Messages whose send failed, with the very payload that failed: a resend is the same message. */
    private final Queue<Resend> failed = new ConcurrentLinkedQueue<>();
    /** The last observed-at handed out, in epoch ms; only the publishing thread touches it. */
    private long lastObservedMillis;

    private QosOnePublisher(MqttAsyncClient client, BenchLoad load, String topic) {
        this.client = client;
        this.load = load;
        this.topic = topic;
    }

    /** Connects publisher {@code index} of the load with a persistent session. */
    public static QosOnePublisher connect(String uri, BenchLoad load, int index, String clientId)
        throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(load.username(index));
        options.setPassword(new String(load.password()).getBytes(StandardCharsets.UTF_8));
        // The broker outlives the gateway here; a persistent session keeps a broken connection's
        // in-flight PUBLISHes with the broker, and Paho resends the rest on reconnect.
        options.setCleanStart(false);
        options.setSessionExpiryInterval(300L);
        options.setAutomaticReconnect(true);
        options.setSocketFactory(new NoDelaySocketFactory());
        client.setCallback(new DisconnectLog(clientId));
        client.connect(options).waitForCompletion(WAIT_MILLIS);
        return new QosOnePublisher(client, load, load.topic(index));
    }

    /**
     * Sends every message number {@code n} in {@code [0, total)} with {@code n % stride == offset}
     * and returns once all are acknowledged.
     */
    public void publish(String run, long total, int stride, int offset) throws InterruptedException {
        publish(run, total, stride, offset, () -> Long.MAX_VALUE);
    }

    /**
     * As {@link #publish(String, long, int, int)}, holding message {@code n} back until
     * {@code released} exceeds it: a test paces the load against events of its own.
     */
    public void publish(String run, long total, int stride, int offset, LongSupplier released)
        throws InterruptedException {
        for (long n = offset; n < total; n += stride) {
            while (n >= released.getAsLong()) {
                Thread.sleep(5);
            }
            send(n, load.payload(run, n, nextObservedAt()));
        }
        window.acquire(WINDOW);
        window.release(WINDOW);
        while (!failed.isEmpty()) {
            Resend again = failed.poll();
            send(again.number(), again.payload());
            window.acquire(WINDOW);
            window.release(WINDOW);
        }
    }

    /** Messages whose PUBACK arrived. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** PUBACKs with reason 0x10 (no gateway subscribed); each such message was sent again. */
    public long notDelivered() {
        AtomicLong count = reasonCodes.get(NO_MATCHING_SUBSCRIBERS);
        return count == null ? 0 : count.get();
    }

    /** PUBACKs received so far, by reason code. */
    public Map<Integer, Long> reasonCodes() {
        Map<Integer, Long> counts = new TreeMap<>();
        reasonCodes.forEach((code, count) -> counts.put(code, count.get()));
        return counts;
    }

    private void send(long number, byte[] payload) throws InterruptedException {
        if (!window.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("no PUBACK from the broker for " + WAIT_MILLIS + " ms on " + topic);
        }
        while (true) {
            try {
                client.publish(topic, payload, 1, false, null, new Acknowledgement(number, payload));
                return;
            } catch (MqttException e) {
                // Disconnected or Paho's own window full: wait for the reconnect or for PUBACKs.
                Thread.sleep(20);
            }
        }
    }

    /**
     * Now, but strictly later than this publisher's previous message: the sink stores a reading as the
     * InfluxDB point of its series and millisecond, so two messages of a burst (after a reconnect, say)
     * in one millisecond would land as one point and a test counting ids there would miss one.
     */
    private Instant nextObservedAt() {
        lastObservedMillis = Math.max(System.currentTimeMillis(), lastObservedMillis + 1);
        return Instant.ofEpochMilli(lastObservedMillis);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MILLIS);
            }
            client.close(true);
        } catch (MqttException e) {
            // Closing after the measurement; nothing left to lose.
        }
    }

    /** Says why the broker closed a publisher's connection (a test's kills make it happen; its reason explains stalls). */
    private static final class DisconnectLog implements MqttCallback {

        private final String clientId;

        DisconnectLog(String clientId) {
            this.clientId = clientId;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            System.err.println("publisher " + clientId + " disconnected: reason " + response.getReturnCode() + " "
                + response.getReasonString() + (response.getException() == null ? "" : " " + response.getException()));
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            System.err.println("publisher " + clientId + ": " + exception);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Publishers subscribe to nothing.
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Counted by each publish's own listener.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Reconnects are expected.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication here.
        }
    }

    /** A message to send again, as it was first sent. */
    private record Resend(long number, byte[] payload) {
    }

    private final class Acknowledgement implements MqttActionListener {

        private final long number;
        private final byte[] payload;

        Acknowledgement(long number, byte[] payload) {
            this.number = number;
            this.payload = payload;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            int[] codes = token.getReasonCodes();
            int code = codes == null || codes.length == 0 ? 0 : codes[0];
            reasonCodes.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
            // 0x10 (no matching subscribers) is a success code, but no gateway took the message: Mosquitto
            // 2.0 answers it right after a restart, before the gateways subscribe again. An MQTT 5 device
            // sends it again, and so does this publisher; only 0x00 counts as acknowledged.
            if (code >= 0x80 || code == NO_MATCHING_SUBSCRIBERS) {
                failed.add(new Resend(number, payload));
            } else {
                acknowledged.incrementAndGet();
            }
            window.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
            failed.add(new Resend(number, payload));
            window.release();
        }
    }
}
