package io.parkwatch.infra.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StaticAccessPolicyTest {

    private final StaticAccessPolicy policy = StaticAccessPolicy.of(
        ParkAccounts.enterprise("ent-a", "alpha-pw".toCharArray(), "p1", "e1"),
        ParkAccounts.gateway("gateway", "gw-pw".toCharArray()));

    @Test
    void authenticatesAndGrantsByAccount() {
        assertThat(policy.authenticate("ent-a", utf8("alpha-pw")))
            .hasValueSatisfying(g -> assertThat(g.mayPublish("parks/p1/enterprises/e1/x")).isTrue());
        assertThat(policy.authenticate("gateway", utf8("gw-pw")))
            .hasValueSatisfying(g -> assertThat(g.username()).isEqualTo("gateway"));
    }

    @Test
    void aCertificateLoginGetsExactlyThatAccountsPasswordGrant() {
        assertThat(policy.certificateLogin("ent-a")).isEqualTo(policy.authenticate("ent-a", utf8("alpha-pw")));
        assertThat(policy.certificateLogin("ent-b")).isEmpty();
        assertThat(policy.certificateLogin("")).isEmpty();
        assertThat(policy.certificateLogin(null)).isEmpty();
    }

    @Test
    void refusesWrongPasswordsUnknownUsersAndSwappedCredentials() {
        assertThat(policy.authenticate("ent-a", utf8("gw-pw"))).isEmpty();
        assertThat(policy.authenticate("nobody", utf8("alpha-pw"))).isEmpty();
        assertThat(policy.authenticate(null, utf8("alpha-pw"))).isEmpty();
        assertThat(policy.authenticate("ent-a", null)).isEmpty();
    }

    @Test
    void refusesDuplicateUsernames() {
        assertThatThrownBy(() -> StaticAccessPolicy.of(
            ParkAccounts.gateway("gw", "a".toCharArray()), ParkAccounts.gateway("gw", "b".toCharArray())))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("gw");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
