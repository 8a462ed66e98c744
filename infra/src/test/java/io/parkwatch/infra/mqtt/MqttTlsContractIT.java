package io.parkwatch.infra.mqtt;

import static io.parkwatch.infra.mqtt.MqttTestClients.clientId;
import static io.parkwatch.infra.mqtt.MqttTestClients.publishQos1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.parkwatch.infra.tls.CertificateAuthority;
import io.parkwatch.infra.tls.IssuedCertificate;
import io.parkwatch.transport.mqtt.MqttSockets;
import io.parkwatch.transport.tls.TlsMaterial;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT over TLS as every parkwatch broker must serve it, with a client CA so that a client certificate
 * logs in as its common name: certificates are made here, at test time, by a throw-away CA. One broker
 * serves the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MqttTlsContractIT {

    protected static final String E001 = "xilinhot.e001";
    static final String E001_PASSWORD = "e001-secret";
    static final String GATEWAY = "parkwatch-gateway";
    static final String GATEWAY_PASSWORD = "gateway-secret";
    static final String OWN_TOPIC = "parks/xilinhot/enterprises/e001/points/p1";
    static final String OTHER_TOPIC = "parks/xilinhot/enterprises/e002/points/p1";

    protected static final StaticAccessPolicy POLICY = StaticAccessPolicy.of(
        ParkAccounts.enterprise(E001, E001_PASSWORD.toCharArray(), "xilinhot", "e001"),
        ParkAccounts.enterprise("xilinhot.e002", "e002-secret".toCharArray(), "xilinhot", "e002"),
        ParkAccounts.gateway(GATEWAY, GATEWAY_PASSWORD.toCharArray()));

    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    protected static Path dir;

    protected final CertificateAuthority ca = CertificateAuthority.create("parkwatch test CA", DAY, Clock.systemUTC());
    private final CertificateAuthority stranger = CertificateAuthority.create("another CA", DAY, Clock.systemUTC());
    private MqttBroker broker;

    /** Starts the broker under test in {@code brokerDir} with a plain listener and {@code tls}. */
    protected abstract MqttBroker start(Path brokerDir, StaticAccessPolicy policy, MqttTlsListener tls);

    @BeforeAll
    void startBroker() throws Exception {
        IssuedCertificate server = ca.issueServer("mqtt", List.of("localhost"), List.of("127.0.0.1"));
        server.writePem(dir.resolve("server.pem"), dir.resolve("server.key"));
        io.parkwatch.infra.tls.Pem.writeCertificates(dir.resolve("ca.pem"), ca.certificate());
        broker = start(dir.resolve("broker"), POLICY,
            new MqttTlsListener(0, dir.resolve("server.pem"), dir.resolve("server.key"), dir.resolve("ca.pem")));
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    protected String tlsUri() {
        return broker.tlsUri().orElseThrow();
    }

    @Test
    void aClientTrustingTheCaConnectsOverTlsWithItsCertificate() throws Exception {
        MqttAsyncClient client = connect(tlsUri(), material(ca, ca.issueClient(E001)), null);
        try {
            assertThat(client.isConnected()).isTrue();
            assertThat(client.getCurrentServerURI()).startsWith("ssl://");
        } finally {
            MqttTestClients.close(client);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheServersCaIsRefused() {
        TlsMaterial trustsAnother = new TlsMaterial(List.of(stranger.certificate()), List.of(), null);

        assertThatThrownBy(() -> connect(tlsUri(), trustsAnother, null)).isInstanceOf(MqttException.class);
    }

    @Test
    void aCertificateOfAnotherCaIsRefused() {
        assertThatThrownBy(() -> connect(tlsUri(), material(ca, stranger.issueClient(E001)), null))
            .isInstanceOf(MqttException.class);
    }

    @Test
    void aCertificateLogsInAsItsCommonNameAndPublishesOnlyUnderItsEnterprise() throws Exception {
        Inbox seen = new Inbox();
        MqttAsyncClient gateway = MqttTestClients.v5(broker.uri(), clientId("gw"), GATEWAY, GATEWAY_PASSWORD, seen);
        MqttAsyncClient enterprise = connect(tlsUri(), material(ca, ca.issueClient(E001)), null);
        try {
            MqttTestClients.subscribe(gateway, "$share/" + ParkAccounts.GATEWAY_GROUP + "/parks/#");
            // Denied first, on the same connection: once the allowed one arrives, the denied one had its chance.
            publishQos1(enterprise, OTHER_TOPIC, "not mine");
            assertThat(publishQos1(enterprise, OWN_TOPIC, "mine")).isZero();

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.payloads().contains("mine"));
            assertThat(seen.received()).extracting(Inbox.Received::topic).containsOnly(OWN_TOPIC);
        } finally {
            MqttTestClients.close(enterprise);
            MqttTestClients.close(gateway);
        }
    }

    /** What a client holding {@code certificate} (issued by some CA) and trusting {@code trusted} presents. */
    protected static TlsMaterial material(CertificateAuthority trusted, IssuedCertificate certificate) {
        return new TlsMaterial(List.of(trusted.certificate()), List.of(certificate.certificate()), certificate.key());
    }

    /** Connects an MQTT 5 client over TLS; {@code username} null sends neither username nor password. */
    protected static MqttAsyncClient connect(String uri, TlsMaterial tls, String username) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId("tls"), new MemoryPersistence());
        client.setCallback(new Inbox());
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (username != null) {
            options.setUserName(username);
        }
        options.setAutomaticReconnect(false);
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        options.setSocketFactory(MqttSockets.forUri(uri, tls));
        try {
            client.connect(options).waitForCompletion(MqttTestClients.WAIT_MILLIS);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }
}
