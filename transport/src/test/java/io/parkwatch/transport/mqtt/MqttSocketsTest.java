package io.parkwatch.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.transport.tls.TlsMaterial;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class MqttSocketsTest {

    @Test
    void plainTcpGetsTheNoDelayFactory() {
        assertThat(MqttSockets.forUri("tcp://127.0.0.1:1883", null)).isInstanceOf(NoDelaySocketFactory.class);
        assertThat(MqttSockets.isTls("tcp://127.0.0.1:1883")).isFalse();
    }

    /** Paho refuses an ssl:// URI unless the factory is an SSLSocketFactory. */
    @Test
    void sslGetsATlsFactoryWithOrWithoutOwnMaterial() {
        assertThat(MqttSockets.forUri("ssl://broker:8883", null)).isInstanceOf(SSLSocketFactory.class);
        assertThat(MqttSockets.forUri("SSL://broker:8883", TlsMaterial.trusting(List.of())))
            .isInstanceOf(SSLSocketFactory.class);
        assertThat(MqttSockets.isTls("ssl://broker:8883")).isTrue();
    }

    @Test
    void tlsMaterialWithAPlainUriIsAMistakeNotASilentPlainConnection() {
        assertThatThrownBy(() -> MqttSockets.forUri("tcp://broker:1883", TlsMaterial.trusting(List.of())))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ssl://");
    }

    @Test
    void anUnknownSchemeIsRefused() {
        assertThatThrownBy(() -> MqttSockets.forUri("mqtts://broker:8883", null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://host:port or ssl://host:port");
    }
}
