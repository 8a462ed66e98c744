package io.parkwatch.infra.mqtt.mosquitto;

import io.parkwatch.infra.mqtt.BrokerBehaviour;
import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.MqttBrokerContractIT;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import java.nio.file.Path;

class MosquittoBrokerIT extends MqttBrokerContractIT {

    @Override
    protected MqttBroker start(Path brokerDir, StaticAccessPolicy policy, MqttPersistence persistence, int port) {
        return MosquittoBroker.start(MosquittoConfig.defaults(brokerDir, policy)
            .withPersistence(persistence).withPort(port));
    }

    @Override
    protected BrokerBehaviour behaviour() {
        return new BrokerBehaviour(135, 5, BrokerBehaviour.DeniedPublishV3.ACKED_AND_DROPPED, 1, 1);
    }

    @Override
    protected String name() {
        return "mosquitto";
    }
}
