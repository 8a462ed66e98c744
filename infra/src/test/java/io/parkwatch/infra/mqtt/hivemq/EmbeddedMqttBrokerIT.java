package io.parkwatch.infra.mqtt.hivemq;

import io.parkwatch.infra.mqtt.BrokerBehaviour;
import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.MqttBrokerContractIT;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import java.nio.file.Path;

class EmbeddedMqttBrokerIT extends MqttBrokerContractIT {

    @Override
    protected MqttBroker start(Path brokerDir, StaticAccessPolicy policy, MqttPersistence persistence, int port) {
        return EmbeddedMqttBroker.start(EmbeddedMqttConfig.defaults(brokerDir, policy)
            .withPersistence(persistence).withPort(port));
    }

    /**
     * HiveMQ CE 2025.5 with the policy extension: bad credentials get CONNACK 0x86 (v5) / 4
     * (v3.1.1); a denied PUBLISH closes an MQTT 3.1.1 connection; a SUBSCRIBE beyond the grant
     * gets SUBACK 0x87 (v5) / 0x80 (v3.1.1).
     */
    @Override
    protected BrokerBehaviour behaviour() {
        return new BrokerBehaviour(134, 4, BrokerBehaviour.DeniedPublishV3.DISCONNECTED, 135, 128);
    }

    @Override
    protected String name() {
        return "hivemq";
    }
}
