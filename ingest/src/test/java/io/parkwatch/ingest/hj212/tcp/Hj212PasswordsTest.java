package io.parkwatch.ingest.hj212.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hj212PasswordsTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path file = dir.resolve("credentials.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsTheLoggersLinesOfASharedFileAndVerifiesByMn() throws Exception {
        Hj212Passwords passwords = Hj212Passwords.load(file("parkwatch-gateway=secret\nxilinhot.e001=x\n"
            + "hj212.88888880000001=Ab3dE6gH9\n"), "--hj212-credentials");

        assertThat(passwords.size()).isEqualTo(1);
        assertThat(passwords.verify("88888880000001", "Ab3dE6gH9")).isEqualTo(Hj212Passwords.Verdict.MATCH);
        assertThat(passwords.verify("88888880000001", "Ab3dE6gH")).isEqualTo(Hj212Passwords.Verdict.WRONG);
        assertThat(passwords.verify("88888880000001", null)).isEqualTo(Hj212Passwords.Verdict.WRONG);
        assertThat(passwords.verify("88888880000002", "Ab3dE6gH9")).isEqualTo(Hj212Passwords.Verdict.NONE_ISSUED);
    }

    @Test
    void aFileThatCannotServeFailsNamingTheOption() throws Exception {
        assertThatThrownBy(() -> Hj212Passwords.load(dir.resolve("missing"), "--hj212-credentials"))
            .hasMessageStartingWith("--hj212-credentials: cannot read");
        assertThatThrownBy(() -> Hj212Passwords.load(file("gw=s\n"), "--hj212-credentials"))
            .hasMessageContaining("--hj212-credentials").hasMessageContaining("no hj212.{MN}=password line");
        assertThatThrownBy(() -> Hj212Passwords.load(file("hj212.88888880000001=has space\n"), "--hj212-credentials"))
            .hasMessageContaining("--hj212-credentials").hasMessageContaining("hj212.88888880000001");
    }
}
