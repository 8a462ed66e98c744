package io.parkwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.bench.command.BenchMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code parkwatch bench} as a user runs it, in a JVM of its own on this test's class path: for
 * commands that change their whole process (CPU pinning) or must not share the test JVM's state.
 */
public record ChildCli(int exitCode, String output) {

    /** Runs {@code parkwatch bench args…}; fails the test if it has not finished within 5 minutes. */
    public static ChildCli run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx768m", "-cp", System.getProperty("java.class.path"), BenchMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished: %s", command).isTrue();
            return new ChildCli(process.exitValue(), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
