package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A taken port stops the demo before anything starts, with the flag that chooses another. */
class BusyPortIT {

    @TempDir
    Path data;

    private static String[] run(CommandLine line, String... args) {
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void aTakenKafkaPortFailsAtOnceNamingItsFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            String[] result = run(Main.commandLine(), "demo", "--kafka-port", port, "--mqtt-port", "0",
                "--influx-port", "0", "--http-port", "0", "--data-dir", data.toString());

            assertThat(result[0]).isEqualTo("2");
            assertThat(result[1]).contains("port " + port).contains("--kafka-port");
            try (var files = Files.list(data)) {
                assertThat(files).as("nothing was started").isEmpty();
            }
        }
    }

    @Test
    void anOutOfRangePortIsRefusedNamingItsFlag() {
        String[] result = run(Main.commandLine(), "demo", "--http-port", "70000", "--data-dir", data.toString());
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).contains("--http-port must be 0..65535");
    }
}
