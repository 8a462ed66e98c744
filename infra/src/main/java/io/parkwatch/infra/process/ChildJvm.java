package io.parkwatch.infra.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@code main} class in a JVM of its own, from this JVM's classpath, so that a test can kill it with
 * SIGKILL (no shutdown hook, no flush, connections reset) and start it again, as a crash in production
 * would. Its output is appended to a log file; it counts as started once it prints a line beginning
 * with the given ready prefix.
 */
public final class ChildJvm {

    private static final Duration KILL_PATIENCE = Duration.ofSeconds(30);

    private final Process process;
    private final String name;
    private final String readyPrefix;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String readyLine;

    private ChildJvm(Process process, String name, String readyPrefix, Path log) {
        this.process = process;
        this.name = name;
        this.readyPrefix = readyPrefix;
        Thread pump = new Thread(() -> pump(log), name + "-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code java jvmOptions… -cp <this classpath> mainClass args…} with {@code environment} added,
     * and returns once it printed a line starting with {@code readyPrefix}.
     *
     * @param name what the process is, for its log and errors (e.g. {@code gateway-2})
     * @throws IllegalStateException when it was not ready within {@code patience} (it is killed then)
     */
    public static ChildJvm start(String name, List<String> jvmOptions, String mainClass, List<String> args,
                                 Map<String, String> environment, Path log, String readyPrefix, Duration patience)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        ChildJvm child = new ChildJvm(builder.start(), name, readyPrefix, log);
        if (!child.ready.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            child.killQuietly();
            throw new IllegalStateException(name + " was not ready ('" + readyPrefix + "') within "
                + patience.toSeconds() + " s" + (child.process.isAlive() ? "" : " (it exited with "
                + child.process.exitValue() + ")") + "; see " + log);
        }
        return child;
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The line that announced readiness, e.g. one carrying the address the child bound. */
    public String readyLine() {
        return readyLine;
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(KILL_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
    }

    /** SIGKILL when cleaning up after a failure, which is already being reported. */
    public void killQuietly() {
        process.destroyForcibly();
    }

    /** A clean stop (SIGTERM), SIGKILL if it has not ended within 30 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(KILL_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void pump(Path log) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                 StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            out.println("=== " + name + " pid " + process.pid());
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(line);
                // Line by line: a child killed or hung later still leaves what it said on disk.
                out.flush();
                if (readyLine == null && line.startsWith(readyPrefix)) {
                    readyLine = line;
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // The process was killed mid-line; its log ends there.
        }
    }
}
