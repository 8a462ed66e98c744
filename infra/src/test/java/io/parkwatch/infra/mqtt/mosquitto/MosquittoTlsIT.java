package io.parkwatch.infra.mqtt.mosquitto;

import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.MqttTlsContractIT;
import io.parkwatch.infra.mqtt.MqttTlsListener;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import java.nio.file.Path;

/**
 * The real Mosquitto with the listener lines {@code mosquitto-auth} prints: with a client CA, its TLS
 * port takes certificates only, and the common name is the username the ACL confines.
 */
class MosquittoTlsIT extends MqttTlsContractIT {

    @Override
    protected MqttBroker start(Path brokerDir, StaticAccessPolicy policy, MqttTlsListener tls) {
        return MosquittoBroker.start(MosquittoConfig.defaults(brokerDir, policy).withTls(tls));
    }
}
