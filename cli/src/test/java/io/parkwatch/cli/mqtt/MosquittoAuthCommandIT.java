package io.parkwatch.cli.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.cli.Main;
import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.testkit.SharedServers;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production path for Mosquitto: {@code parkwatch mosquitto-auth} turns a logins file into
 * Mosquitto's own password file and ACL; a stock Mosquitto started with them refuses a wrong
 * password and a publish into another enterprise's subtree, and lets the enterprise's own through.
 */
class MosquittoAuthCommandIT {

    private Path dir;
    private Process mosquitto;
    private int port;

    @BeforeEach
    void startMosquittoWithGeneratedFiles() throws Exception {
        dir = SharedServers.directory("mosquitto-auth");
        Files.writeString(dir.resolve("logins.properties"),
            "parkwatch-gateway=gw-secret\ntestpark.e1=e1-secret\ntestpark.e2=e2-secret\n");
        int code = Main.commandLine().execute("mosquitto-auth", "--credentials",
            dir.resolve("logins.properties").toString(), "--out", dir.toString());
        assertThat(code).isZero();
        assertThat(Files.readString(dir.resolve("passwd"))).contains("testpark.e1:$7$").doesNotContain("e1-secret");
        port = LoopbackPorts.freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
            "listener " + port + " 127.0.0.1", "allow_anonymous false", "persistence false", "user root",
            "password_file " + dir.resolve("passwd"), "acl_file " + dir.resolve("acl"), ""));
        mosquitto = new ProcessBuilder("/usr/sbin/mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        awaitListening();
    }

    @AfterEach
    void stop() throws Exception {
        mosquitto.destroy();
        assertThat(mosquitto.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private void awaitListening() throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("mosquitto did not listen: " + Files.readString(dir.resolve("mosquitto.log")));
    }

    private MqttClient connect(String user, String password) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, user + "-" + System.nanoTime(),
            new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        return client;
    }

    @Test
    void aWrongPasswordIsRefusedAtConnect() {
        assertThatThrownBy(() -> connect("testpark.e1", "not-the-password"))
            .isInstanceOf(MqttException.class)
            .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isIn(134, 135));
    }

    @Test
    void anEnterpriseCannotPublishAsAnotherButCanAsItself() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        MqttClient gateway = connect("parkwatch-gateway", "gw-secret");
        // Paho's per-subscription listeners do not fire for $share filters; Mosquitto's ACL grants
        // the gateway read on parks/# either way.
        gateway.subscribe(new MqttSubscription[] {new MqttSubscription("parks/+/enterprises/+/points/#", 1)},
            new IMqttMessageListener[] {(topic, message) -> seen.add(topic)});
        MqttAsyncClient e1 = new MqttAsyncClient("tcp://127.0.0.1:" + port, "e1", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("testpark.e1");
        options.setPassword("e1-secret".getBytes(StandardCharsets.UTF_8));
        e1.connect(options).waitForCompletion(10_000);

        IMqttToken foreign = e1.publish("parks/testpark/enterprises/e2/points/p", message());
        foreign.waitForCompletion(10_000);
        IMqttToken own = e1.publish("parks/testpark/enterprises/e1/points/p", message());
        own.waitForCompletion(10_000);

        assertThat(foreign.getReasonCodes()).as("PUBACK reason for a foreign subtree").containsExactly(135);
        assertThat(own.getReasonCodes()[0]).isLessThan(0x80);
        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("parks/testpark/enterprises/e1/points/p");
        assertThat(seen.poll(1, TimeUnit.SECONDS)).as("the foreign publish never reaches the gateway").isNull();
        e1.disconnect().waitForCompletion(5_000);
        e1.close();
        gateway.disconnect();
        gateway.close();
    }

    private static MqttMessage message() {
        MqttMessage message = new MqttMessage("{}".getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }
}
