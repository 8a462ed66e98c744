package io.parkwatch.bench.pipeline;

import io.parkwatch.transport.mqtt.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * One MQTT client publishing a source's messages at QoS 1 and a fixed rate: message {@code k} of a
 * step is due at {@code start + k / rate}; at most {@value #WINDOW} wait for their PUBACK. A late
 * lane sends at once to catch up, so an offered rate below the asked one shows a saturated
 * machine. Only acknowledged messages count as sent; the lane's message numbers run on across steps.
 */
final class Lane implements AutoCloseable {

    static final int WINDOW = 100;
    private static final long WAIT_MILLIS = 30_000;

    private final MqttAsyncClient client;
    private final MessageSource source;
    private final Semaphore window = new Semaphore(WINDOW);
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong exceeding = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long next;

    private Lane(MqttAsyncClient client, MessageSource source) {
        this.client = client;
        this.source = source;
    }

    static Lane connect(String uri, String clientId, String username, char[] password, MessageSource source)
        throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setReceiveMaximum(WINDOW);
        client.connect(options).waitForCompletion(WAIT_MILLIS);
        return new Lane(client, source);
    }

    /** Sends at {@code perSecond} messages/s until {@code endNanos}; returns once all are acknowledged. */
    void run(double perSecond, long endNanos) throws InterruptedException {
        long start = System.nanoTime();
        for (long k = 0; ; k++) {
            long due = start + (long) (k * 1e9 / perSecond);
            if (due >= endNanos) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!window.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("no PUBACK for " + WAIT_MILLIS + " ms");
            }
            send(source.next(next++, System.currentTimeMillis()));
        }
        window.acquire(WINDOW);
        window.release(WINDOW);
    }

    private void send(MessageSource.Outgoing message) throws InterruptedException {
        while (true) {
            try {
                client.publish(message.topic(), message.payload(), 1, false, null, new Acknowledgement(message));
                return;
            } catch (MqttException e) {
                // Paho's own window full: wait for PUBACKs.
                Thread.sleep(1);
            }
        }
    }

    long readings() {
        return readings.get();
    }

    long messages() {
        return messages.get();
    }

    long exceeding() {
        return exceeding.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MILLIS);
            }
            client.close(true);
        } catch (MqttException e) {
            // After the measurement; nothing left to lose.
        }
    }

    private final class Acknowledgement implements MqttActionListener {

        private final MessageSource.Outgoing message;

        Acknowledgement(MessageSource.Outgoing message) {
            this.message = message;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            int[] codes = token.getReasonCodes();
            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                failed.incrementAndGet();
            } else {
                messages.incrementAndGet();
                readings.addAndGet(message.readings());
                if (message.exceeds()) {
                    exceeding.incrementAndGet();
                }
            }
            window.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
            failed.incrementAndGet();
            window.release();
        }
    }
}
