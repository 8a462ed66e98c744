package io.parkwatch.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The console's --https-* flags are checked before anything starts, each error naming its flag. */
class HttpsOptionsTest {

    @TempDir
    Path dir;

    private static String refusal(String... args) {
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute(args)).as("exit code").isEqualTo(2);
        return err.toString();
    }

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
