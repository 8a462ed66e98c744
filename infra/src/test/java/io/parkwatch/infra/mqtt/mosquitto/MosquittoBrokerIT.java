package io.parkwatch.infra.mqtt.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.infra.mqtt.BrokerBehaviour;
import io.parkwatch.infra.mqtt.MqttBroker;
import io.parkwatch.infra.mqtt.MqttBrokerContractIT;
import io.parkwatch.infra.mqtt.MqttPersistence;
import io.parkwatch.infra.mqtt.StaticAccessPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MosquittoBrokerIT extends MqttBrokerContractIT {

    @Override
    protected MqttBroker start(Path brokerDir, StaticAccessPolicy policy, MqttPersistence persistence, int port) {
        return MosquittoBroker.start(MosquittoConfig.defaults(brokerDir, policy)
            .withPersistence(persistence).withPort(port));
    }

    /**
     * Mosquitto 2.0.11: bad credentials get CONNACK 0x87 "not authorized" (v5) / 5 (v3.1.1); a
     * denied PUBLISH from MQTT 3.1.1 is acknowledged and dropped; a SUBSCRIBE beyond the read ACL
     * is granted, and each message is then filtered by the ACL at delivery.
     */
    @Override
    protected BrokerBehaviour behaviour() {
        return new BrokerBehaviour(135, 5, BrokerBehaviour.DeniedPublishV3.ACKED_AND_DROPPED, 1, 1);
    }

    @Override
    protected String name() {
        return "mosquitto";
    }

    @Test
    void closeLeavesNoProcessBehind() {
        MosquittoBroker broker = MosquittoBroker.start(MosquittoConfig.defaults(dir.resolve("orphan"), POLICY));
        long pid = broker.pid();
        assertThat(ProcessHandle.of(pid)).map(ProcessHandle::isAlive).contains(true);

        broker.close();
        broker.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEqualTo(Optional.empty());
    }

    @Test
    void rendersItsConfigAndSecretsIntoThePrivateDirectory() throws Exception {
        Path brokerDir = dir.resolve("rendered");
        try (MosquittoBroker broker = MosquittoBroker.start(MosquittoConfig.defaults(brokerDir, POLICY))) {
            assertThat(Files.readString(brokerDir.resolve("mosquitto.conf")))
                .contains("listener " + broker.port() + " 127.0.0.1", "allow_anonymous false",
                    "max_queued_messages 1000000");
            assertThat(Files.readString(brokerDir.resolve("passwd"))).contains("ent-a:$7$");
        }
    }

    @Test
    void aMissingBinaryFailsWithAnInstallHint() {
        MosquittoConfig config = MosquittoConfig.defaults(dir.resolve("missing"), POLICY)
            .withExecutable(Path.of("/nonexistent/mosquitto"));

        assertThatThrownBy(() -> MosquittoBroker.start(config))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("apt-get install mosquitto");
    }
}
