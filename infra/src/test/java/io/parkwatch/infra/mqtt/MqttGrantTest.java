package io.parkwatch.infra.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MqttGrantTest {

    private static final char[] PASSWORD = "pw".toCharArray();

    @Test
    void enterprisePublishesOnlyInItsOwnSubtree() {
        MqttGrant grant = ParkAccounts.enterprise("ent-a", PASSWORD, "p1", "e1").grant();

        assertThat(grant.mayPublish("parks/p1/enterprises/e1/meters/m1/readings")).isTrue();
        assertThat(grant.mayPublish("parks/p1/enterprises/e1")).isTrue();
        assertThat(grant.mayPublish("parks/p1/enterprises/e2/meters/m1/readings")).isFalse();
        assertThat(grant.mayPublish("parks/p1/enterprises/e10/x")).isFalse();
        assertThat(grant.mayPublish("parks/p2/enterprises/e1/x")).isFalse();
        assertThat(grant.mayPublish("parks/p1/vehicles/v1/position")).isFalse();
        assertThat(grant.mayPublish("parks/p1/enterprises/e1/+")).as("wildcards are no topic").isFalse();
    }

    @Test
    void enterpriseSubscribesOnlyToItsOwnFeedback() {
        MqttGrant grant = ParkAccounts.enterprise("ent-a", PASSWORD, "p1", "e1").grant();

        assertThat(grant.maySubscribe("parks/p1/enterprises/e1/feedback")).isTrue();
        assertThat(grant.maySubscribe("parks/p1/enterprises/e1/feedback/#")).isTrue();
        assertThat(grant.maySubscribe("parks/p1/enterprises/e1/#")).isFalse();
        assertThat(grant.maySubscribe("parks/p1/enterprises/+/feedback")).isFalse();
        assertThat(grant.maySubscribe("parks/#")).isFalse();
        assertThat(grant.maySubscribe("#")).isFalse();
        assertThat(grant.maySubscribe("$share/g/parks/p1/enterprises/e1/feedback"))
            .as("a plain grant does not extend to shared groups").isFalse();
    }

    @Test
    void gatewayReadsThroughItsSharedGroupOnly() {
        MqttGrant grant = ParkAccounts.gateway("gateway", PASSWORD).grant();

        assertThat(grant.maySubscribe("$share/parkwatch-gateway/parks/#")).isTrue();
        assertThat(grant.maySubscribe("$share/parkwatch-gateway/parks/p1/enterprises/+/x")).isTrue();
        assertThat(grant.maySubscribe("$share/other/parks/#")).isFalse();
        assertThat(grant.maySubscribe("parks/#")).as("unshared would take every message").isFalse();
        assertThat(grant.maySubscribe("$share/parkwatch-gateway/#")).isFalse();
        assertThat(grant.maySubscribe("$share/parkwatch-gateway")).as("no filter").isFalse();
        assertThat(grant.maySubscribe("$share//parks/#")).as("empty group").isFalse();
        assertThat(grant.mayPublish("parks/p1/enterprises/e1/feedback")).isTrue();
        assertThat(grant.mayPublish("parks/p1/vehicles/v9/feedback/rejected")).isTrue();
        assertThat(grant.mayPublish("parks/p1/enterprises/e1/meters/m1")).isFalse();
    }

    @Test
    void fleetWritesUnderItsParksVehicles() {
        MqttGrant grant = ParkAccounts.fleet("fleet-p1", PASSWORD, "p1").grant();

        assertThat(grant.mayPublish("parks/p1/vehicles/v1/position")).isTrue();
        assertThat(grant.mayPublish("parks/p2/vehicles/v1/position")).isFalse();
        assertThat(grant.maySubscribe("parks/p1/vehicles/+/feedback")).isTrue();
        assertThat(grant.maySubscribe("parks/p1/vehicles/#")).isFalse();
    }

    @Test
    void idsThatWouldInjectWildcardsAreRefused() {
        assertThatThrownBy(() -> ParkAccounts.enterprise("x", PASSWORD, "p1", "#"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParkAccounts.enterprise("x", PASSWORD, "p1/+", "e1"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParkAccounts.fleet("bad:name", PASSWORD, "p1"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharedPublishGrantsAreRefused() {
        assertThatThrownBy(() -> new MqttGrant("u", List.of("$share/g/a"), List.of()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(SubscriptionFilter.parse("$share/g/a/#"))
            .contains(new SubscriptionFilter(Optional.of("g"), "a/#"));
    }
}
