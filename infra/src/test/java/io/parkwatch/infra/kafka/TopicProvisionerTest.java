package io.parkwatch.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

    @Test
    void topicsReplicatedThreeTimesOrMoreNeedTwoInSyncReplicas() {
        assertThat(TopicProvisioner.topicConfigs("compact", (short) 3))
            .isEqualTo(Map.of("cleanup.policy", "compact", "min.insync.replicas", "2"));
        assertThat(TopicProvisioner.topicConfigs("delete", (short) 5)).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void belowThreeReplicasTheBrokerDefaultApplies() {
        assertThat(TopicProvisioner.topicConfigs("delete", (short) 1)).isEqualTo(Map.of("cleanup.policy", "delete"));
        assertThat(TopicProvisioner.topicConfigs("delete", (short) 2)).doesNotContainKey("min.insync.replicas");
    }
}
