package io.parkwatch.bench.chaos;

import io.parkwatch.contracts.registry.PointEntry;
import io.parkwatch.contracts.registry.PointKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Holds one gas detector of the park above its critical set-point (60 % LEL against 50) for the whole
 * run, one QoS 1 reading a second: its combustible-gas alert must be raised once, stay open across
 * every kill, and be on the console's board at the end. A reading lost while the broker is away does not
 * matter here: the next one keeps the condition.
 */
final class GasAlertDriver implements AutoCloseable {

    static final String RULE = "combustible-gas";

    private final MqttAsyncClient client;
    private final String topic;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
        r -> new Thread(r, "chaos-gas-driver"));
    private final AtomicLong sent = new AtomicLong();

    private GasAlertDriver(MqttAsyncClient client, String topic) {
        this.client = client;
        this.topic = topic;
    }

    /** The first gas detector among {@code points}: the one whose alert the run follows. */
    static PointEntry detector(List<PointEntry> points) {
        return points.stream().filter(p -> p.pointKind().filter(PointKind.GAS_DETECTOR::equals).isPresent())
            .findFirst().orElseThrow(() -> new IllegalStateException("the load's park has no gas detector"));
    }

    static String login(PointEntry detector) {
        return detector.park() + "." + detector.enterprise();
    }

    static GasAlertDriver start(String uri, PointEntry detector, char[] password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, "chaos-gas-" + detector.enterprise(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(login(detector));
        options.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1_000);
        client.connect(options).waitForCompletion(30_000);
        GasAlertDriver driver = new GasAlertDriver(client, "parks/" + detector.park() + "/enterprises/"
            + detector.enterprise() + "/points/" + detector.id());
        driver.timer.scheduleAtFixedRate(driver::send, 0, 1, TimeUnit.SECONDS);
        return driver;
    }

    private void send() {
        long n = sent.incrementAndGet();
        String json = "{\"metric\":\"lel\",\"value\":60,\"unit\":\"%LEL\",\"ts\":" + System.currentTimeMillis()
            + ",\"id\":\"chaos-gas-" + n + "\"}";
        try {
            client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            // Disconnected while the broker is away; the next second's reading holds the condition.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            client.disconnect().waitForCompletion(5_000);
        } catch (MqttException e) {
            // Closing at the end of the run.
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // As above.
        }
    }
}
