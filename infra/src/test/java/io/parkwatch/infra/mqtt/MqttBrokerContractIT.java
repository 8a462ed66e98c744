package io.parkwatch.infra.mqtt;

import static io.parkwatch.infra.mqtt.MqttTestClients.WAIT_MILLIS;
import static io.parkwatch.infra.mqtt.MqttTestClients.clientId;
import static io.parkwatch.infra.mqtt.MqttTestClients.publishQos1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.parkwatch.infra.net.LoopbackPorts;
import io.parkwatch.infra.net.PortInUseException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every parkwatch MQTT broker must show, run against each broker by a subclass.
 * One broker serves the whole class; tests keep apart by topic and client id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MqttBrokerContractIT {

    static final String ENT_A = "ent-a";
    static final String ENT_A_PASSWORD = "alpha-secret";
    static final String ENT_B = "ent-b";
    static final String ENT_B_PASSWORD = "bravo-secret";
    static final String GATEWAY = "gateway";
    static final String GATEWAY_PASSWORD = "gateway-secret";
    static final String MONITOR = "monitor";
    static final String MONITOR_PASSWORD = "monitor-secret";
    static final Duration PATIENCE = Duration.ofSeconds(20);

    protected static final StaticAccessPolicy POLICY = StaticAccessPolicy.of(
        ParkAccounts.enterprise(ENT_A, ENT_A_PASSWORD.toCharArray(), "p1", "e1"),
        ParkAccounts.enterprise(ENT_B, ENT_B_PASSWORD.toCharArray(), "p1", "e2"),
        ParkAccounts.gateway(GATEWAY, GATEWAY_PASSWORD.toCharArray()),
        // A read-everything observer so that tests can see what did (not) get through.
        MqttAccount.withPassword(MONITOR, MONITOR_PASSWORD.toCharArray(), List.of(), List.of("parks/#")));

    @TempDir
    protected static Path dir;

    private MqttBroker broker;

    /** Starts the broker under test in {@code brokerDir}; port 0 means any free port. */
    protected abstract MqttBroker start(Path brokerDir, StaticAccessPolicy policy, MqttPersistence persistence,
                                        int port);

    protected abstract BrokerBehaviour behaviour();

    protected abstract String name();

    @BeforeAll
    void startBroker() {
        broker = start(dir.resolve("shared"), POLICY, MqttPersistence.IN_MEMORY, 0);
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
            broker.close();
        }
    }

    protected String uri() {
        return broker.uri();
    }

    /** Publishes QoS 1 and asserts a successful PUBACK (0x10 "no matching subscribers" included). */
    private static void publishAccepted(MqttAsyncClient client, String topic, String payload) throws MqttException {
        assertThat(publishQos1(client, topic, payload)).as("PUBACK reason code for " + topic).isLessThan(0x80);
    }

    @Test
    void persistentSessionGetsTheMessagesQueuedWhileItWasAway() throws Exception {
        String root = "parks/p1/enterprises/e1/queued";
        String subscriberId = clientId("monitor-persistent");
        Consumer<MqttConnectionOptions> persistent = o -> {
            o.setCleanStart(false);
            o.setSessionExpiryInterval(300L);
        };
        MqttAsyncClient first = MqttTestClients.v5(uri(), subscriberId, MONITOR, MONITOR_PASSWORD, new Inbox(), persistent);
        first.subscribe(new MqttSubscription(root + "/#", 1)).waitForCompletion(WAIT_MILLIS);
        MqttTestClients.close(first);

        MqttAsyncClient publisher = MqttTestClients.v5(uri(), clientId("ent-a"), ENT_A, ENT_A_PASSWORD, new Inbox());
        List<String> sent = IntStream.range(0, 50).mapToObj(i -> "queued-" + i).toList();
        for (String payload : sent) {
            publishAccepted(publisher, root + "/m1", payload);
        }
        MqttTestClients.close(publisher);

        Inbox inbox = new Inbox();
        MqttAsyncClient again = MqttTestClients.v5(uri(), subscriberId, MONITOR, MONITOR_PASSWORD, inbox, persistent);
        try {
            await().atMost(PATIENCE).until(() -> inbox.size() >= sent.size());
            assertThat(inbox.payloads()).containsExactlyElementsOf(sent);
        } finally {
            MqttTestClients.close(again);
        }
    }

    @Test
    void wrongCredentialsAreRefusedAtConnect() {
        assertThatThrownBy(() -> MqttTestClients.v5(uri(), clientId("bad"), ENT_A, "wrong", new Inbox()))
            .isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(behaviour().badCredentialsV5()));
        assertThatThrownBy(() -> MqttTestClients.v5(uri(), clientId("bad"), "nobody", ENT_A_PASSWORD, new Inbox()))
            .isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(behaviour().badCredentialsV5()));
        assertThatThrownBy(() -> MqttTestClients.v5(uri(), clientId("bad"), ENT_A, ENT_B_PASSWORD, new Inbox()))
            .isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(behaviour().badCredentialsV5()));
        assertThatThrownBy(() -> MqttTestClients.v5(uri(), clientId("anonymous"), ENT_A, ENT_A_PASSWORD, new Inbox(),
            o -> {
                o.setUserName(null);
                o.setPassword(null);
            }))
            .as("no credentials at all")
            .isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(behaviour().badCredentialsV5()));
        assertThatThrownBy(() -> MqttTestClients.v3(uri(), clientId("bad3"), ENT_A, "wrong"))
            .isInstanceOfSatisfying(org.eclipse.paho.client.mqttv3.MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(behaviour().badCredentialsV3()));
    }

    @Test
    void publishOutsideTheOwnSubtreeIsRefusedWithNotAuthorized() throws Exception {
        Inbox seen = new Inbox();
        MqttAsyncClient monitor = MqttTestClients.v5(uri(), clientId("monitor"), MONITOR, MONITOR_PASSWORD, seen);
        MqttAsyncClient publisher = MqttTestClients.v5(uri(), clientId("ent-a"), ENT_A, ENT_A_PASSWORD, new Inbox());
        try {
            monitor.subscribe(new MqttSubscription("parks/p1/enterprises/+/denied5/#", 1)).waitForCompletion(WAIT_MILLIS);

            assertThat(publishQos1(publisher, "parks/p1/enterprises/e2/denied5/forged", "forged"))
                .as("PUBACK reason code").isEqualTo(135);
            assertThat(publisher.isConnected()).as("MQTT 5 publisher stays connected").isTrue();
            publishAccepted(publisher, "parks/p1/enterprises/e1/denied5/own", "own");

            await().atMost(PATIENCE).until(() -> seen.payloads().contains("own"));
            assertThat(seen.payloads()).containsExactly("own");
        } finally {
            MqttTestClients.close(publisher);
            MqttTestClients.close(monitor);
        }
    }

    @Test
    void mqtt311PublishOutsideTheOwnSubtreeNeverReachesSubscribers() throws Exception {
        Inbox seen = new Inbox();
        MqttAsyncClient monitor = MqttTestClients.v5(uri(), clientId("monitor"), MONITOR, MONITOR_PASSWORD, seen);
        org.eclipse.paho.client.mqttv3.MqttAsyncClient publisher =
            MqttTestClients.v3(uri(), clientId("ent-a-v3"), ENT_A, ENT_A_PASSWORD);
        try {
            monitor.subscribe(new MqttSubscription("parks/p1/enterprises/+/denied3/#", 1)).waitForCompletion(WAIT_MILLIS);
            var forged = publisher.publish("parks/p1/enterprises/e2/denied3/forged", "forged".getBytes(), 1, false);
            if (behaviour().deniedPublishV3() == BrokerBehaviour.DeniedPublishV3.DISCONNECTED) {
                assertThatThrownBy(() -> forged.waitForCompletion(WAIT_MILLIS))
                    .isInstanceOfSatisfying(org.eclipse.paho.client.mqttv3.MqttException.class, e -> assertThat(
                        e.getReasonCode()).isEqualTo(org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_CONNECTION_LOST));
                assertThat(publisher.isConnected()).isFalse();
            } else {
                forged.waitForCompletion(WAIT_MILLIS);
                assertThat(publisher.isConnected()).isTrue();
            }
            org.eclipse.paho.client.mqttv3.MqttAsyncClient v3 =
                MqttTestClients.v3(uri(), clientId("ent-a-v3-sub"), ENT_A, ENT_A_PASSWORD);
            var subscribed = v3.subscribe("parks/p1/enterprises/e2/feedback", 1);
            subscribed.waitForCompletion(WAIT_MILLIS);
            assertThat(subscribed.getGrantedQos())
                .as("MQTT 3.1.1 SUBACK for another enterprise's feedback")
                .containsExactly(behaviour().deniedSubscriptionV3());
            MqttTestClients.close(v3);
            MqttAsyncClient own = MqttTestClients.v5(uri(), clientId("ent-a"), ENT_A, ENT_A_PASSWORD, new Inbox());
            publishAccepted(own, "parks/p1/enterprises/e1/denied3/own", "own");
            MqttTestClients.close(own);

            await().atMost(PATIENCE).until(() -> seen.payloads().contains("own"));
            assertThat(seen.payloads()).containsExactly("own");
        } finally {
            MqttTestClients.close(publisher);
            MqttTestClients.close(monitor);
        }
    }

    @Test
    void subscriptionOutsideTheGrantDeliversNothingForeign() throws Exception {
        Inbox enterprise = new Inbox();
        MqttAsyncClient entA = MqttTestClients.v5(uri(), clientId("ent-a"), ENT_A, ENT_A_PASSWORD, enterprise);
        MqttAsyncClient gateway = MqttTestClients.v5(uri(), clientId("gateway"), GATEWAY, GATEWAY_PASSWORD, new Inbox());
        try {
            int[] wide = MqttTestClients.subscribe(entA, "parks/p1/enterprises/+/feedback");
            assertThat(wide).as("SUBACK for another enterprise's feedback").containsExactly(behaviour().deniedSubscription());
            if (wide[0] >= 0x80) {
                assertThat(MqttTestClients.subscribe(entA, "parks/p1/enterprises/e1/feedback")).containsExactly(1);
            }
            assertThat(MqttTestClients.subscribe(gateway, "parks/#")).as("SUBACK for the gateway outside its group")
                .containsExactly(behaviour().deniedSubscription());

            publishAccepted(gateway, "parks/p1/enterprises/e2/feedback", "for-e2");
            publishAccepted(gateway, "parks/p1/enterprises/e1/feedback", "for-e1");

            await().atMost(PATIENCE).until(() -> enterprise.payloads().contains("for-e1"));
            assertThat(enterprise.payloads()).containsExactly("for-e1");
        } finally {
            MqttTestClients.close(gateway);
            MqttTestClients.close(entA);
        }
    }

    @Test
    void sharedSubscriptionDeliversEachMessageToExactlyOneMember() throws Exception {
        String filter = "$share/" + ParkAccounts.GATEWAY_GROUP + "/parks/p1/enterprises/e1/shared/#";
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        MqttAsyncClient one = MqttTestClients.v5(uri(), clientId("gw-1"), GATEWAY, GATEWAY_PASSWORD, first);
        MqttAsyncClient two = MqttTestClients.v5(uri(), clientId("gw-2"), GATEWAY, GATEWAY_PASSWORD, second);
        MqttAsyncClient publisher = MqttTestClients.v5(uri(), clientId("ent-a"), ENT_A, ENT_A_PASSWORD, new Inbox());
        try {
            one.subscribe(new MqttSubscription(filter, 1)).waitForCompletion(WAIT_MILLIS);
            two.subscribe(new MqttSubscription(filter, 1)).waitForCompletion(WAIT_MILLIS);
            int count = 200;
            for (int i = 0; i < count; i++) {
                publishAccepted(publisher, "parks/p1/enterprises/e1/shared/m" + (i % 4), "s-" + i);
            }
            await().atMost(PATIENCE).until(() -> first.size() + second.size() >= count);
            Thread.sleep(300);

            Set<String> all = new HashSet<>(first.payloads());
            all.addAll(second.payloads());
            assertThat(first.size() + second.size()).as("no message twice").isEqualTo(count);
            assertThat(all).hasSize(count);
            System.out.printf("[%s] shared subscription split %d messages %d / %d%n", name(), count,
                first.size(), second.size());
        } finally {
            MqttTestClients.close(publisher);
            MqttTestClients.close(two);
            MqttTestClients.close(one);
        }
    }

    @Test
    void queuedMessagesSurviveABrokerRestartWithFilePersistence() throws Exception {
        Path brokerDir = dir.resolve("restart");
        int port = LoopbackPorts.freePort();
        String subscriberId = clientId("monitor-restart");
        Consumer<MqttConnectionOptions> persistent = o -> {
            o.setCleanStart(false);
            o.setSessionExpiryInterval(3600L);
        };
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "kept-" + i).toList();
        try (MqttBroker first = start(brokerDir, POLICY, MqttPersistence.FILE, port)) {
            MqttAsyncClient sub = MqttTestClients.v5(first.uri(), subscriberId, MONITOR, MONITOR_PASSWORD, new Inbox(),
                persistent);
            sub.subscribe(new MqttSubscription("parks/p1/enterprises/e1/restart/#", 1)).waitForCompletion(WAIT_MILLIS);
            MqttTestClients.close(sub);
            MqttAsyncClient pub = MqttTestClients.v5(first.uri(), clientId("ent-a"), ENT_A, ENT_A_PASSWORD, new Inbox());
            for (String payload : sent) {
                publishAccepted(pub, "parks/p1/enterprises/e1/restart/m", payload);
            }
            MqttTestClients.close(pub);
        }
        Inbox inbox = new Inbox();
        try (MqttBroker second = start(brokerDir, POLICY, MqttPersistence.FILE, port)) {
            MqttAsyncClient sub = MqttTestClients.v5(second.uri(), subscriberId, MONITOR, MONITOR_PASSWORD, inbox,
                persistent);
            await().atMost(PATIENCE).until(() -> inbox.size() >= sent.size());
            assertThat(inbox.payloads()).containsExactlyElementsOf(sent);
            MqttTestClients.close(sub);
        }
    }

    @Test
    void explicitBusyPortFailsAtOnceNamingTheFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> start(dir.resolve("busy"), POLICY, MqttPersistence.IN_MEMORY, port))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining(String.valueOf(port))
                .hasMessageContaining("--mqtt-port");
        }
    }

    @Test
    void twentyThousandQos1MessagesReachOneSharedSubscriberWithManualAcks() throws Exception {
        ThroughputProbe.Login publisher = new ThroughputProbe.Login(ENT_A, ENT_A_PASSWORD);
        ThroughputProbe.Login subscriber = new ThroughputProbe.Login(GATEWAY, GATEWAY_PASSWORD);
        ThroughputProbe.Settings settings = ThroughputProbe.Settings.defaults(20_000);
        ThroughputProbe.Result result = new ThroughputProbe(uri(), settings).run(publisher, subscriber);
        System.out.printf("[%s] %s%n", name(), result);
        assertThat(result.received()).as("every message, none dropped").isEqualTo(settings.count());
    }

    /**
     * The same flow with Nagle's algorithm left on in the subscriber's socket (Paho's default): on
     * HiveMQ each in-flight window then waits for a delayed TCP ACK. Printed for comparison.
     */
    @Test
    void subscriberWithoutTcpNoDelayStillGetsEverything() throws Exception {
        ThroughputProbe.Settings defaults = ThroughputProbe.Settings.defaults(3_000);
        ThroughputProbe.Settings settings = new ThroughputProbe.Settings(defaults.count(), defaults.publishWindow(),
            defaults.receiveMaximum(), defaults.filter(), true, false);
        ThroughputProbe.Result result = new ThroughputProbe(uri(), settings).run(
            new ThroughputProbe.Login(ENT_A, ENT_A_PASSWORD), new ThroughputProbe.Login(GATEWAY, GATEWAY_PASSWORD));
        System.out.printf("[%s] %s%n", name(), result);
        assertThat(result.received()).isEqualTo(settings.count());
    }
}
