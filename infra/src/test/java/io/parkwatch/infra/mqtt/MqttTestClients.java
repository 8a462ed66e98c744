package io.parkwatch.infra.mqtt;

import io.parkwatch.transport.mqtt.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** Paho MQTT 5 and 3.1.1 clients as the contract tests use them. */
final class MqttTestClients {

    static final long WAIT_MILLIS = 10_000;
    private static final AtomicInteger IDS = new AtomicInteger();

    private MqttTestClients() {
    }

    /** A client id unique within the test JVM. */
    static String clientId(String prefix) {
        return prefix + "-" + IDS.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    static MqttConnectionOptions v5Options(String username, String password) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(false);
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setConnectionTimeout(10);
        options.setSocketFactory(new NoDelaySocketFactory());
        return options;
    }

    /** Connects an MQTT 5 client; {@code tune} adjusts the options before CONNECT. */
    static MqttAsyncClient v5(String uri, String clientId, String username, String password,
                              MqttCallback callback, Consumer<MqttConnectionOptions> tune) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        client.setCallback(callback);
        MqttConnectionOptions options = v5Options(username, password);
        tune.accept(options);
        try {
            client.connect(options).waitForCompletion(WAIT_MILLIS);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    static MqttAsyncClient v5(String uri, String clientId, String username, String password, MqttCallback callback)
        throws MqttException {
        return v5(uri, clientId, username, password, callback, options -> { });
    }

    /** Connects an MQTT 3.1.1 client. */
    static org.eclipse.paho.client.mqttv3.MqttAsyncClient v3(String uri, String clientId, String username,
                                                              String password)
        throws org.eclipse.paho.client.mqttv3.MqttException {
        org.eclipse.paho.client.mqttv3.MqttAsyncClient client = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(
            uri, clientId, new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setSocketFactory(new NoDelaySocketFactory());
        try {
            client.connect(options).waitForCompletion(WAIT_MILLIS);
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    /** Publishes QoS 1 and waits for the PUBACK; returns its reason code (0 = success). */
    static int publishQos1(MqttAsyncClient client, String topic, String payload) throws MqttException {
        IMqttToken token = client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        try {
            token.waitForCompletion(WAIT_MILLIS);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    /** Subscribes at QoS 1 and returns the SUBACK reason codes; a refusal is a code, not an error. */
    static int[] subscribe(MqttAsyncClient client, String filter) throws MqttException {
        IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
        try {
            token.waitForCompletion(WAIT_MILLIS);
        } catch (MqttException e) {
            return new int[] {e.getReasonCode()};
        }
        return token.getReasonCodes();
    }

    static void close(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MILLIS);
            }
            client.close(true);
        } catch (MqttException ignored) {
            // Best effort: the broker goes away with the test class anyway.
        }
    }

    static void close(org.eclipse.paho.client.mqttv3.MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MILLIS);
            }
            client.close(true);
        } catch (org.eclipse.paho.client.mqttv3.MqttException ignored) {
            // Best effort, as above.
        }
    }
}
