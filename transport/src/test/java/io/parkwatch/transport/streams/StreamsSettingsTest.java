package io.parkwatch.transport.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private final StreamsSettings settings = new StreamsSettings("parkwatch-streams", "k1:9092",
        Path.of("/var/lib/parkwatch/streams"), 1, 3, Duration.ofMillis(200));

    @Test
    void aKilledInstancesTasksMoveAfterTenSecondsNotKafkasFortyFive() {
        Properties props = settings.toProperties();

        assertThat(props).containsEntry("consumer.session.timeout.ms", 10_000);
    }

    @Test
    void standbyReplicasAndTheDurabilityOfInternalTopicsFollowTheSettings() {
        Properties props = settings.withStandbyReplicas(1).toProperties();

        assertThat(props).containsEntry("num.standby.replicas", 1)
            .containsEntry("replication.factor", 3)
            .containsEntry("topic.min.insync.replicas", 2)
            .containsEntry("processing.guarantee", "exactly_once_v2");
    }

    @Test
    void aSiblingApplicationKeepsTheConnectionAndStandbys() {
        StreamsSettings alerts = settings.withStandbyReplicas(1).forApplication("alerts");

        assertThat(alerts.applicationId()).isEqualTo("parkwatch-streams-alerts");
        assertThat(alerts.standbyReplicas()).isEqualTo(1);
        assertThat(alerts.bootstrapServers()).isEqualTo("k1:9092");
    }
}
