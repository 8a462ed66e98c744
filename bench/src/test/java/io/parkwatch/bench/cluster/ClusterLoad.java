package io.parkwatch.bench.cluster;

import io.parkwatch.testkit.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * QoS 1 publishers, one point each, at a steady rate; a message counts once the broker's PUBACK
 * came back (Paho's synchronous publish returns then). Message {@code n} of a point is observed
 * at {@code base + n} ms: each reading is its own InfluxDB point.
 */
final class ClusterLoad implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private volatile Throwable failure;

    static String enterprise(int publisher) {
        return publisher % 2 == 0 ? TestAccounts.ENTERPRISE_1 : TestAccounts.ENTERPRISE_2;
    }

    static String point(int publisher) {
        return "cluster-p" + publisher;
    }

    static ClusterLoad start(String uri, int publishers, int perPublisher, int perSecond, Instant base) {
        ClusterLoad load = new ClusterLoad();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            Thread thread = new Thread(() -> load.publish(uri, publisher, perPublisher, perSecond, base),
                "cluster-publisher-" + p);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void publish(String uri, int publisher, int count, int perSecond, Instant base) {
        String user = TestAccounts.username(enterprise(publisher));
        String topic = "parks/" + TestAccounts.PARK + "/enterprises/" + enterprise(publisher) + "/points/"
            + point(publisher);
        MqttClient client = null;
        try {
            client = new MqttClient(uri, "cluster-publisher-" + publisher, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(user);
            options.setPassword(new String(TestAccounts.password(user)).getBytes(StandardCharsets.UTF_8));
            client.connect(options);
            long started = System.nanoTime();
            for (int n = 0; n < count; n++) {
                long due = started + TimeUnit.SECONDS.toNanos(n) / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String payload = "{\"metric\":\"active_power\",\"value\":" + (100 + n % 50) + ",\"unit\":\"kW\",\"ts\":"
                    + base.plusMillis(n).toEpochMilli() + ",\"id\":\"" + point(publisher) + "-" + n + "\"}";
                MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                client.publish(topic, message);
                acknowledged.incrementAndGet();
            }
            client.disconnect();
        } catch (Exception e) {
            failure = e;
        } finally {
            closeQuietly(client);
        }
    }

    private static void closeQuietly(MqttClient client) {
        if (client != null) {
            try {
                client.close(true);
            } catch (Exception e) {
                // Closing after a failure that is already reported.
            }
        }
    }

    long acknowledged() {
        return acknowledged.get();
    }

    void awaitAcknowledged(long target, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (acknowledged.get() < target) {
            if (failure != null) {
                throw new IllegalStateException("a publisher failed: " + failure, failure);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(acknowledged.get() + " of " + target + " messages acknowledged within "
                    + patience.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
