package io.parkwatch.cli.command;

import static io.parkwatch.cli.command.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's --https-* flags are checked before anything starts, each error naming its flag. */
class HttpsOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aCertificateWithoutItsKeyIsRefused() {
        assertThat(refusal("console", "--kafka", "127.0.0.1:1", "--influx", "http://127.0.0.1:1", "--http-port", "0",
            "--https-cert", "console.pem")).contains("--https-cert and --https-key go together");
    }

    @Test
    void aFileWithoutACertificateIsOneLineNamingTheFlag() throws Exception {
        Path notPem = Files.writeString(dir.resolve("console.pem"), "not a certificate");

        String error = refusal("console", "--kafka", "127.0.0.1:1", "--influx", "http://127.0.0.1:1", "--http-port",
            "0", "--https-cert", notPem.toString(), "--https-key", notPem.toString());

        assertThat(error).contains("--https-cert: " + notPem + ": no '-----BEGIN CERTIFICATE-----' block")
            .doesNotContain("\tat ");
    }
}
