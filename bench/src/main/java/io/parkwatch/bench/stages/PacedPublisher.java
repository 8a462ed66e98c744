package io.parkwatch.bench.stages;

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
 * One enterprise publishing QoS 1 readings at a fixed rate: message {@code k} is due at
 * {@code start + k / rate}; at most {@value #WINDOW} PUBLISHes wait for their PUBACK (the
 * embedded broker's receive maximum is 100). A late publisher sends at once to catch up, so the
 * achieved rate shows when the machine could not keep the pace.
 */
final class PacedPublisher implements AutoCloseable {

    static final int WINDOW = 100;
    private static final long WAIT_MILLIS = 30_000;

    private final MqttAsyncClient client;
    private final GasDetectorLoad load;
    private final int index;
    private final Semaphore window = new Semaphore(WINDOW);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private PacedPublisher(MqttAsyncClient client, GasDetectorLoad load, int index) {
        this.client = client;
        this.load = load;
        this.index = index;
    }

    static PacedPublisher connect(String uri, GasDetectorLoad load, int index) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, "bench-pub-" + index, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(load.username(index));
        options.setPassword(new String(load.password()).getBytes(StandardCharsets.UTF_8));
        client.connect(options).waitForCompletion(WAIT_MILLIS);
        return new PacedPublisher(client, load, index);
    }

    /** Sends {@code count} messages of {@code run} at {@code perSecond}; returns when all are acknowledged. */
    void publish(String run, long count, double perSecond) throws InterruptedException {
        long start = System.nanoTime();
        for (long k = 0; k < count; k++) {
            long due = start + (long) (k * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!window.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("no PUBACK for " + WAIT_MILLIS + " ms");
            }
            send(run, k);
        }
        window.acquire(WINDOW);
        window.release(WINDOW);
    }

    private void send(String run, long k) throws InterruptedException {
        while (true) {
            try {
                client.publish(load.topic(index, k), load.payload(run, index, k, System.currentTimeMillis()), 1, false,
                    null, new Acknowledgement());
                return;
            } catch (MqttException e) {
                // Paho's own window full: wait for PUBACKs.
                Thread.sleep(1);
            }
        }
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        try {
            client.disconnect().waitForCompletion(WAIT_MILLIS);
            client.close(true);
        } catch (MqttException e) {
            // After the measurement; nothing left to lose.
        }
    }

    private final class Acknowledgement implements MqttActionListener {

        @Override
        public void onSuccess(IMqttToken token) {
            int[] codes = token.getReasonCodes();
            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                failed.incrementAndGet();
            } else {
                acknowledged.incrementAndGet();
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
