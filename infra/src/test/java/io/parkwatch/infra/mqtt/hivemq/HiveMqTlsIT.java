package io.parkwatch.infra.mqtt.hivemq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.MqttTlsContractIT;
import io.parkwatch.infra.mqtt.MqttTlsListener;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import io.parkwatch.transport.tls.TlsMaterial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/**
 * HiveMQ asks for a client certificate without requiring one: on its TLS port a client logs in by
 * certificate, or by username and password as on the plain port.
 */
class HiveMqTlsIT extends MqttTlsContractIT {

    @Override
    protected MqttBroker start(Path brokerDir, StaticAccessPolicy policy, MqttTlsListener tls) {
        return EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(brokerDir, policy).withTls(tls));
    }

    @Test
    void aCertificateWhoseCommonNameIsNoLoginIsRefused() {
        assertThatThrownBy(() -> connect(tlsUri(), material(ca, ca.issueClient("xilinhot.e999")), null))
            .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(135));
    }

    @Test
    void aUsernameOtherThanTheCertificatesLoginIsRefused() {
        assertThatThrownBy(() -> connect(tlsUri(), material(ca, ca.issueClient(E001)), "xilinhot.e002"))
            .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(134));
    }

    @Test
    void aPasswordLoginWorksOverTlsWithOnlyTheCa() throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(tlsUri(), "tls-password", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(E001);
        options.setPassword("e001-secret".getBytes(StandardCharsets.UTF_8));
        options.setSocketFactory(io.parkwatch.transport.mqtt.MqttSockets.forUri(tlsUri(),
            TlsMaterial.trusting(List.of(ca.certificate()))));
        client.connect(options).waitForCompletion(10_000);
        try {
            assertThat(client.isConnected()).isTrue();
        } finally {
            client.disconnect().waitForCompletion(10_000);
            client.close(true);
        }
    }
}
