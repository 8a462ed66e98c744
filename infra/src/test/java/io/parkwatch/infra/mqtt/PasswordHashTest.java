package io.parkwatch.infra.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    /** Written by {@code mosquitto_passwd -b} 2.0.11 for password {@code s3cret}. */
    private static final String MOSQUITTO_LINE =
        "$7$101$24KPjLWyoe36k9rq$3omZSZ4sHX1SXa14v6o26xNdIFC9cdnVepAk+Ua86gqiJzQPKSoLrMzrBPcZswpomi8DboZq1BDzlxydgD+ehQ==";

    @Test
    void verifiesTheRightPasswordOnly() {
        PasswordHash hash = PasswordHash.derive("correct horse".toCharArray(), 1000);

        assertThat(hash.verify(utf8("correct horse"))).isTrue();
        assertThat(hash.verify(utf8("correct horsE"))).isFalse();
        assertThat(hash.verify(utf8(""))).isFalse();
        assertThat(hash.verify(null)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        PasswordHash first = PasswordHash.derive("same".toCharArray(), 1000);
        PasswordHash second = PasswordHash.derive("same".toCharArray(), 1000);

        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void readsAndVerifiesMosquittoPasswdOutput() {
        PasswordHash hash = PasswordHash.parseMosquitto(MOSQUITTO_LINE);

        assertThat(hash.iterations()).isEqualTo(101);
        assertThat(hash.verify(utf8("s3cret"))).isTrue();
        assertThat(hash.verify(utf8("s3cret "))).isFalse();
        assertThat(hash.toMosquitto()).isEqualTo(MOSQUITTO_LINE);
    }

    @Test
    void writesMosquittoFormat() {
        PasswordHash hash = PasswordHash.derive("pw".toCharArray(), 20_000);

        assertThat(hash.toMosquitto()).matches("\\$7\\$20000\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==");
        assertThat(PasswordHash.parseMosquitto(hash.toMosquitto())).isEqualTo(hash);
    }

    @Test
    void hashesNonAsciiPasswordsAsUtf8AndRefusesMalformedBytes() {
        PasswordHash hash = PasswordHash.derive("园区-密码".toCharArray(), 1000);

        assertThat(hash.verify("园区-密码".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(hash.verify(new byte[] {(byte) 0xff, (byte) 0xfe})).isFalse();
    }

    @Test
    void keepsHashesOutOfToString() {
        PasswordHash hash = PasswordHash.derive("pw".toCharArray(), 1000);
        MqttAccount account = new MqttAccount("u1", hash, List.of("a/#"), List.of());

        assertThat(hash.toString()).doesNotContain(hash.hash()).doesNotContain(hash.salt());
        assertThat(account.toString()).doesNotContain(hash.hash());
    }

    @Test
    void refusesEmptyPasswordsAndForeignFormats() {
        assertThatThrownBy(() -> PasswordHash.derive(new char[0], 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.parseMosquitto("$6$abc$def")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
