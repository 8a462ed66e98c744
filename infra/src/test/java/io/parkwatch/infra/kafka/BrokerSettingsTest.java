package io.parkwatch.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    private final EmbeddedKafkaConfig config = EmbeddedKafkaConfig.of(Path.of("/tmp/kafka-node"));

    @Test
    void aClusterNodeTakesItsIdAndEveryVoterOfTheQuorum() {
        KraftQuorum quorum = new KraftQuorum(2, Map.of(1, 19191, 2, 19192, 3, 19193), "MkU3OEVBNTcwNTJENDM2Qg");

        var properties = BrokerSettings.properties(config.withQuorum(quorum), 19092, quorum.controllerPort());

        assertThat(properties).containsEntry("node.id", "2")
            .containsEntry("controller.quorum.voters", "1@127.0.0.1:19191,2@127.0.0.1:19192,3@127.0.0.1:19193")
            .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19192");
    }

    @Test
    void aNodeOutsideItsOwnQuorumIsRefused() {
        assertThatThrownBy(() -> new KraftQuorum(4, Map.of(1, 19191, 2, 19192, 3, 19193), "id"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 4 is not among the voters");
    }

    @Test
    void theSecuredListenerIsSaslSslWithScramBesideThePlainOne() {
        SaslScramListener secured = new SaslScramListener(0, Path.of("/tmp/broker.pem"), Map.of("svc", "pw"));

        var properties = BrokerSettings.properties(config.withSecuredListener(secured), 19092, 19093, 19094);

        assertThat(properties)
            .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093,"
                + "SECURED://127.0.0.1:19094")
            .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092,SECURED://127.0.0.1:19094")
            .containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SECURED:SASL_SSL")
            .containsEntry("inter.broker.listener.name", "PLAINTEXT")
            .containsEntry("listener.name.secured.sasl.enabled.mechanisms", "SCRAM-SHA-512")
            .containsEntry("listener.name.secured.ssl.keystore.type", "PEM")
            .containsEntry("listener.name.secured.ssl.keystore.location", "/tmp/broker.pem");
    }
}
