package io.parkwatch.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MqttSubscriptionSettingsTest {

    private static MqttSubscriptionSettings settings(String group, int connections) {
        return new MqttSubscriptionSettings("tcp://127.0.0.1:1883", "gw", "pw".toCharArray(), "gateway-1", group,
            "parks/#", 1_000, 3_600, connections);
    }

    @Test
    void theFirstConnectionKeepsTheClientIdSoThatASingleConnectionKeepsItsSession() {
        MqttSubscriptionSettings three = settings("parkwatch-gateway", 3);

        assertThat(three.connection(0).clientId()).isEqualTo("gateway-1");
        assertThat(three.connection(1).clientId()).isEqualTo("gateway-1-2");
        assertThat(three.connection(2).clientId()).isEqualTo("gateway-1-3");
        assertThat(three.connection(2).subscription()).isEqualTo("$share/parkwatch-gateway/parks/#");
        assertThat(three.connection(2).connections()).isEqualTo(1);
        assertThat(three.connection(2).receiveMaximum()).isEqualTo(1_000);
    }

    @Test
    void connectionsOutsideTheRangeAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> settings("parkwatch-gateway", 0)).hasMessageContaining("connections");
        assertThatThrownBy(() -> settings("parkwatch-gateway", MqttSubscriptionSettings.MAX_CONNECTIONS + 1))
            .hasMessageContaining("connections");
        assertThatThrownBy(() -> settings("parkwatch-gateway", 2).connection(2)).isInstanceOf(
            IllegalArgumentException.class);
    }

    @Test
    void severalConnectionsWithoutAShareGroupAreRefusedSinceEachWouldGetEveryMessage() {
        assertThatThrownBy(() -> settings(null, 2)).hasMessageContaining("share group");
        assertThat(settings(null, 1).subscription()).isEqualTo("parks/#");
    }
}
