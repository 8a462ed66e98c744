package io.parkwatch.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.cli.Main;
import io.parkwatch.infra.tls.CertificateAuthority;
import io.parkwatch.infra.tls.Pem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mosquitto-auth} with the TLS options prints the listener lines (those MosquittoTlsIT proves on
 * the real Mosquitto, through the same renderer), after checking the PEM files.
 */
class MosquittoAuthTlsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("logins.properties"), "parkwatch-gateway=gw\nxilinhot.e001=e1\n");
        CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(30), CLOCK);
        ca.issueServer("mqtt", List.of("mqtt.example"), List.of()).writePem(dir.resolve("server.pem"),
            dir.resolve("server.key"));
        Pem.writeCertificates(dir.resolve("ca.pem"), ca.certificate());
    }

    @Test
    void printsTheTlsListenerWithCertificateLoginsByCommonName() {
        String out = run(0, "--tls-cert", file("server.pem"), "--tls-key", file("server.key"),
            "--tls-client-ca", file("ca.pem"));

        assertThat(out).contains("password_file ", "acl_file ", """
            listener 8883
            max_topic_alias 0
            certfile %s
            keyfile %s
            cafile %s
            require_certificate true
            use_identity_as_username true
            """.formatted(file("server.pem"), file("server.key"), file("ca.pem")));
    }

    @Test
    void withoutTlsOptionsThereIsNoTlsListener() {
        assertThat(run(0)).doesNotContain("listener", "certfile");
    }

    @Test
    void aKeyWithoutItsCertificateOrAnUnreadableFileIsRefusedNamingTheFlag() {
        assertThat(run(2, "--tls-key", file("server.key"))).contains("--tls-cert and --tls-key go together");
        assertThat(run(2, "--tls-cert", file("server.pem"), "--tls-key", file("ca.pem")))
            .contains("--tls-key: " + file("ca.pem") + ": expected one '-----BEGIN PRIVATE KEY-----' block");
        assertThat(run(2, "--tls-cert", file("server.pem"), "--tls-key", file("server.key"), "--tls-client-ca",
            file("nope.pem"))).contains("--tls-client-ca: " + file("nope.pem") + ": no such file");
    }

    private String file(String name) {
        return dir.resolve(name).toAbsolutePath().toString();
    }

    /** Runs the command, expecting {@code exit}; standard output, or the error output on a refusal. */
    private String run(int exit, String... tlsArgs) {
        List<String> args = new java.util.ArrayList<>(List.of("mosquitto-auth", "--credentials",
            file("logins.properties"), "--out", dir.toString()));
        args.addAll(List.of(tlsArgs));
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setErr(new PrintWriter(err, true));
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(line.execute(args.toArray(String[]::new))).as("exit code, errors: " + err).isEqualTo(exit);
        } finally {
            System.setOut(stdout);
        }
        return exit == 0 ? captured.toString(StandardCharsets.UTF_8) : err.toString();
    }
}
