package io.parkwatch.infra.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path file = dir.resolve("logins.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theUsernameDecidesWhatALoginMayDo() throws Exception {
        List<MqttAccount> accounts = CredentialsFile.load(
            file("gw=s1\nxilinhot.e001=s2\nordos.vehicles=s3\n"), "gw");

        MqttGrant gateway = grant(accounts, "gw");
        MqttGrant enterprise = grant(accounts, "xilinhot.e001");
        MqttGrant fleet = grant(accounts, "ordos.vehicles");
        assertThat(gateway.maySubscribe("$share/parkwatch-gateway/parks/#")).isTrue();
        assertThat(enterprise.mayPublish("parks/xilinhot/enterprises/e001/points/elec-01")).isTrue();
        assertThat(enterprise.mayPublish("parks/xilinhot/enterprises/e002/points/elec-01")).isFalse();
        assertThat(fleet.mayPublish("parks/ordos/vehicles/v-13/jt808")).isTrue();
        assertThat(fleet.mayPublish("parks/xilinhot/vehicles/v-13/jt808")).isFalse();
        assertThat(accounts.stream().filter(a -> a.username().equals("gw")).findFirst().orElseThrow().password()
            .verify("s1".getBytes(StandardCharsets.UTF_8))).as("the password is kept as a verifiable hash").isTrue();
    }

    @Test
    void hj212LoggersPasswordsInTheSameFileAreNotMqttLogins() throws Exception {
        List<MqttAccount> accounts = CredentialsFile.load(file("gw=s1\nhj212.88888880000001=Ab3dE6gH9\n"), "gw");
        assertThat(accounts).extracting(MqttAccount::username).containsExactly("gw");
    }

    @Test
    void skipsTheJt808SecretWhichIsNoLogin() throws Exception {
        List<MqttAccount> accounts = CredentialsFile.load(file("gw=s1\njt808.secret=0123456789abcdef\n"), "gw");
        assertThat(accounts).extracting(MqttAccount::username).containsExactly("gw");
    }

    @Test
    void refusesLoginsItCannotPlace() throws Exception {
        assertThatThrownBy(() -> CredentialsFile.load(file("gw=s\nsomebody=x\n"), "gw"))
            .hasMessageContaining("login 'somebody'");
        assertThatThrownBy(() -> CredentialsFile.load(file("gw=\n"), "gw")).hasMessageContaining("empty password");
        assertThatThrownBy(() -> CredentialsFile.load(file("xilinhot.e1=s\n"), "gw"))
            .hasMessageContaining("no login for the gateway user 'gw'");
    }

    private static MqttGrant grant(List<MqttAccount> accounts, String user) {
        return accounts.stream().filter(a -> a.username().equals(user)).findFirst().orElseThrow().grant();
    }
}
