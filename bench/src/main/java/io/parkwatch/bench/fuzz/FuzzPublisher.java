package io.parkwatch.bench.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** One sender's QoS 1 publishes with a bounded window; counts the PUBACKs and the refusals. */
final class FuzzPublisher implements AutoCloseable {

    private static final int WINDOW = 100;
    private static final long WAIT_MILLIS = 30_000;

    private final MqttAsyncClient client;
    private final Semaphore window = new Semaphore(WINDOW);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private FuzzPublisher(MqttAsyncClient client) {
        this.client = client;
    }

    static FuzzPublisher connect(String uri, String clientId, String username, char[] password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(true);
        client.connect(options).waitForCompletion(WAIT_MILLIS);
        return new FuzzPublisher(client);
    }

    void publish(FuzzCase fuzz) throws InterruptedException {
        if (!window.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("no PUBACK from the broker for " + WAIT_MILLIS + " ms");
        }
        while (true) {
            try {
                send(fuzz);
                return;
            } catch (MqttException e) {
                // Paho's own window full or reconnecting: wait for PUBACKs or the connection.
                Thread.sleep(5);
            }
        }
    }

    private void send(FuzzCase fuzz) throws MqttException {
        client.publish(fuzz.topic(), fuzz.payload(), 1, false, null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                (codes != null && codes.length > 0 && codes[0] >= 0x80 ? failed : acknowledged).incrementAndGet();
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                failed.incrementAndGet();
                window.release();
            }
        });
    }

    /** Waits for the PUBACKs of everything published. */
    void drain() throws InterruptedException {
        if (!window.tryAcquire(WINDOW, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("PUBACKs missing after " + WAIT_MILLIS + " ms");
        }
        window.release(WINDOW);
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
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MILLIS);
            }
            client.close(true);
        } catch (MqttException e) {
            // After the run; nothing left to count.
        }
    }
}
