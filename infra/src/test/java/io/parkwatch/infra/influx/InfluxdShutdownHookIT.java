package io.parkwatch.infra.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pattern the javadoc of {@link InfluxdProcess} recommends to callers: a shutdown hook that
 * closes it. A JVM that simply returns from main must not leave influxd behind.
 */
class InfluxdShutdownHookIT {

    @TempDir
    Path dir;

    @Test
    void aCallerOwnedShutdownHookLeavesNoOrphanWhenTheJvmExits() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
            StartAndExit.class.getName(), dir.resolve("influx").toString()))
            .redirectErrorStream(true)
            .start();
        long influxdPid = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("influxd pid ")) {
                    influxdPid = Long.parseLong(line.substring("influxd pid ".length()));
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as(output.toString()).isTrue();
        assertThat(child.exitValue()).as(output.toString()).isZero();
        assertThat(influxdPid).as(output.toString()).isPositive();
        assertThat(ProcessHandle.of(influxdPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    /** Starts influxd, hooks its close into JVM shutdown, returns from main. */
    public static final class StartAndExit {

        private StartAndExit() {
        }

        public static void main(String[] args) {
            InfluxdProcess influxd = InfluxdProcess.start(InfluxdConfig.loopback(0, Path.of(args[0])));
            Runtime.getRuntime().addShutdownHook(new Thread(influxd::close, "influxd-stop"));
            System.out.println("influxd pid " + influxd.pid());
        }
    }
}
